import { Button, Select, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { ChannelOutput } from '#contract/index.ts';
import { addDays } from '#shared/dates.ts';
import { messageOf } from '../../api/errors.ts';
import { useSettings } from '../../api/settings.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDateLong } from '../../lib/date-format.ts';
import { useTargetDialog } from '../../lib/use-target-dialog.ts';
import { DoctorHeader } from './ColumnHeaders.tsx';
import { DateBar, DateHeading, DateNav } from './DateNav.tsx';
import { buildGridModel, type GridColumn } from './grid/grid-model.ts';
import { ScheduleGrid } from './grid/ScheduleGrid.tsx';
import { GridSkeleton } from './GridSkeleton.tsx';
import { useScheduleRights } from '../../lib/schedule-rights.ts';
import { useScheduleDay, useSpecializations } from '../../api/schedule.ts';
import { SlotDialog, type OpenSlot } from './SlotDialog.tsx';
import { calendarStrings } from './strings.ts';
import { useCalendarDate, useStoredChoice } from './use-calendar-state.ts';

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

/** Every doctor's day side by side, one column each, filtered by specialization. */
export function DayView({ today }: { today: string }) {
  const timeFormat = useSettings().data?.timeFormat ?? '24h';
  const rights = useScheduleRights();
  const [date, setDate] = useCalendarDate(today);
  const [specialization, setSpecialization] = useStoredChoice('calendar-specialization');
  const specializations = useSpecializations();
  const day = useScheduleDay(date, specialization);
  const dialog = useTargetDialog<OpenSlot>();
  const clinicToday = day.data?.now.date ?? today;
  const model = useMemo(() => (day.data ? buildGridModel(dayColumns(day.data)) : null), [day.data]);
  const dateText = formatDateLong(date);

  const names = new Map(day.data?.doctors.map((doctor) => [doctor.doctorId, doctor]) ?? []);

  let body;
  if (day.isPending) body = <GridSkeleton />;
  else if (day.isError && !day.data) body = <FormAlert title={strings.loadFailed}>{messageOf(day.error)}</FormAlert>;
  else if (!model || model.columns.length === 0) {
    body = <Text>{specialization ? strings.empty.noDoctorsForFilter : strings.empty.noDoctors}</Text>;
  } else {
    body = (
      <ScheduleGrid
        model={model}
        label={strings.grid.dayLabel(dateText)}
        timeFormat={timeFormat}
        now={day.data.now}
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
        onOpenSlot={(slot, column) => dialog.open({ slot, doctorName: column.label })}
        onPage={(step) => setDate(addDays(date, step))}
        onToday={() => setDate(clinicToday)}
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
            onChange={(value) => setSpecialization(value === ALL || value === null ? null : value)}
            allowDeselect={false}
            searchable
            w={220}
          />
        </DateNav>
      </DateBar>
      {body}
      <SlotDialog
        target={dialog.target}
        opened={dialog.opened}
        timeFormat={timeFormat}
        canManage={rights.canManage}
        canBook={rights.canBook}
        onClose={dialog.close}
      />
    </Stack>
  );
}
