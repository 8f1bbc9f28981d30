import { Button, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ChannelOutput } from '#contract/index.ts';
import type { Doctor } from '#contract/schedule.ts';
import { addDays } from '#shared/dates.ts';
import { messageOf } from '../../api/errors.ts';
import { useSettings } from '../../api/settings.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDateLong } from '../../lib/date-format.ts';
import { useTargetDialog } from '../../lib/use-target-dialog.ts';
import { DoctorHeader } from './ColumnHeaders.tsx';
import { DateBar, DateHeading, DateNav } from './DateNav.tsx';
import { PrintDayListButton } from '../call-list/index.ts';
import { buildGridModel, type GridColumn } from './grid/grid-model.ts';
import { ScheduleGrid } from './grid/ScheduleGrid.tsx';
import { GridSkeleton } from './GridSkeleton.tsx';
import { useScheduleRights } from '../../lib/schedule-rights.ts';
import { useDoctorList, useScheduleDay, useSpecializations } from '../../api/schedule.ts';
import { DoctorPager } from './DoctorPager.tsx';
import { MoveAppointmentDialog } from './drag/MoveAppointmentDialog.tsx';
import type { SlotMove } from './drag/use-slot-drag.ts';
import { SlotDialog, slotTarget, type OpenSlot } from './SlotDialog.tsx';
import { calendarStrings, roomViewStrings } from './strings.ts';
import { RoomDayGrid } from './RoomDayGrid.tsx';
import { useCalendarDate, useStoredChoice } from './use-calendar-state.ts';
import { DEFAULT_PAGE_SIZE, usePageSize } from './use-page-size.ts';

const strings = calendarStrings;
type DayData = ChannelOutput<'schedule.day'>;
/** The filter's first option; Mantine's clear button is hidden from keyboards, this is not. */
const ALL = '*';

function dayColumns(data: DayData): GridColumn[] {
  return data.doctors.map((doctor) => ({
    key: String(doctor.doctorId),
    doctorId: doctor.doctorId,
    date: data.date,
    label: doctor.name,
    slots: data.slots.filter((slot) => slot.doctorId === doctor.doctorId),
    leave: doctor.leave,
  }));
}

export function EmptyScheduleMessage({ text }: { text: string }) {
  return (
    <Stack gap="xs" align="flex-start">
      <Text>{text}</Text>
      <Button component={Link} to="/calendar/doctors" variant="light" size="compact-sm">
        {strings.empty.goToDoctors}
      </Button>
    </Stack>
  );
}

/** The doctor filter's choices: every active doctor, of the chosen specialization if there is one. */
function doctorChoices(doctors: Doctor[] | undefined, specialization: string | null) {
  return (doctors ?? [])
    .filter((doctor) => doctor.accountActive && (specialization === null || doctor.specialization === specialization))
    .map((doctor) => ({ value: String(doctor.doctorId), label: doctor.name }));
}

/**
 * Every doctor's day side by side, one column each, filtered by specialization or doctor. The
 * doctors are paged by as many columns as fit the window ("Doctors 1–6 of 8"), and main returns
 * only the page's doctors, so a clinic with 200 doctors opens as fast as one with 6.
 */
export function DayView({ today }: { today: string }) {
  const timeFormat = useSettings().data?.timeFormat ?? '24h';
  const rights = useScheduleRights();
  const [date, setDate] = useCalendarDate(today);
  const [specialization, setSpecialization] = useStoredChoice('calendar-specialization');
  const [doctorChoice, setDoctorChoice] = useStoredChoice('calendar-day-doctor');
  const [columnsBy, setColumnsBy] = useStoredChoice('calendar-day-columns');
  const specializations = useSpecializations();
  const doctorList = useDoctorList();
  const choices = doctorChoices(doctorList.data, specialization);
  const doctorValue = choices.some((choice) => choice.value === doctorChoice) ? doctorChoice : null;
  const areaRef = useRef<HTMLDivElement>(null);
  const pageSize = usePageSize(areaRef);
  const limit = pageSize ?? DEFAULT_PAGE_SIZE;
  const [offset, setOffset] = useState(0);
  const day = useScheduleDay(
    {
      date,
      ...(specialization ? { specialization } : {}),
      ...(doctorValue ? { doctorId: Number(doctorValue) } : {}),
      offset,
      limit,
    },
    pageSize !== null,
  );
  const dialog = useTargetDialog<OpenSlot>();
  const moveDialog = useTargetDialog<SlotMove>();
  const clinicToday = day.data?.now.date ?? today;
  const model = useMemo(() => (day.data ? buildGridModel(dayColumns(day.data)) : null), [day.data]);
  const dateText = formatDateLong(date);
  const filtered = specialization !== null || doctorValue !== null;

  const names = new Map(day.data?.doctors.map((doctor) => [doctor.doctorId, doctor]) ?? []);
  const shownFrom = day.data?.offset ?? 0;
  const pageBy = (step: 1 | -1): boolean => {
    const next = shownFrom + step * limit;
    if (!day.data || next < 0 || next >= day.data.totalDoctors) return false;
    setOffset(next);
    return true;
  };

  let body;
  if (day.isPending) body = <GridSkeleton />;
  else if (day.isError && !day.data) body = <FormAlert title={strings.loadFailed}>{messageOf(day.error)}</FormAlert>;
  else if (!model || model.columns.length === 0) {
    body = <Text>{filtered ? strings.empty.noDoctorsForFilter : strings.empty.noDoctors}</Text>;
  } else {
    body = (
      <ScheduleGrid
        model={model}
        label={strings.grid.dayLabel(dateText)}
        timeFormat={timeFormat}
        now={day.data.now}
        nowSaidAt={day.dataUpdatedAt}
        busy={day.isFetching}
        renderHeader={(column) => {
          const doctor = names.get(column.doctorId);
          return doctor ? (
            <DoctorHeader
              name={doctor.name}
              specialization={doctor.specialization}
              isAvailable={doctor.isAvailable}
              leave={doctor.leave}
              timeFormat={timeFormat}
            />
          ) : null;
        }}
        onOpenSlot={(slot, column, details) =>
          dialog.open(slotTarget(slot, column.label, { canBook: rights.canBook, details }))
        }
        onPage={(step) => setDate(addDays(date, step))}
        onToday={() => setDate(clinicToday)}
        onColumnPage={pageBy}
        onMove={rights.canBook ? moveDialog.open : undefined}
        empty={{ label: strings.empty.day, content: <EmptyScheduleMessage text={strings.empty.day} /> }}
      />
    );
  }

  return (
    <Stack gap="sm">
      <DateBar>
        <DateHeading text={dateText} badge={date === clinicToday ? strings.heading.todayBadge : null} />
        <DateNav date={date} today={clinicToday} unit="day" onChange={setDate}>
          <Select
            label={strings.toolbar.specialization}
            data={[{ value: ALL, label: strings.toolbar.allSpecializations }, ...(specializations.data ?? [])]}
            value={specialization ?? ALL}
            onChange={(value) => {
              setSpecialization(value === ALL || value === null ? null : value);
              setOffset(0);
            }}
            allowDeselect={false}
            searchable
            w={200}
          />
          <Select
            label={strings.toolbar.doctor}
            data={[{ value: ALL, label: strings.toolbar.allDoctors }, ...choices]}
            value={doctorValue ?? ALL}
            onChange={(value) => {
              setDoctorChoice(value === ALL || value === null ? null : value);
              setOffset(0);
            }}
            allowDeselect={false}
            searchable
            w={200}
          />
          {day.data ? (
            <DoctorPager
              offset={shownFrom}
              shown={day.data.doctors.length}
              total={day.data.totalDoctors}
              pageSize={limit}
              onChange={setOffset}
            />
          ) : null}
          <SegmentedControl
            aria-label={roomViewStrings.columnsBy}
            value={columnsBy === 'room' ? 'room' : 'doctor'}
            onChange={(value) => setColumnsBy(value === 'room' ? 'room' : null)}
            data={[
              { value: 'doctor', label: roomViewStrings.byDoctor },
              { value: 'room', label: roomViewStrings.byRoom },
            ]}
          />
          <PrintDayListButton date={date} doctorId={doctorValue ? Number(doctorValue) : undefined} />
        </DateNav>
      </DateBar>
      <div ref={areaRef}>
        {columnsBy === 'room' ? <RoomDayGrid date={date} timeFormat={timeFormat} onDateChange={setDate} /> : body}
      </div>
      <SlotDialog
        target={dialog.target}
        opened={dialog.opened}
        timeFormat={timeFormat}
        canManage={rights.canManage}
        canBook={rights.canBook}
        onClose={dialog.close}
      />
      <MoveAppointmentDialog
        move={moveDialog.target}
        opened={moveDialog.opened}
        timeFormat={timeFormat}
        doctorName={(doctorId) => names.get(doctorId)?.name}
        onClose={moveDialog.close}
      />
    </Stack>
  );
}
