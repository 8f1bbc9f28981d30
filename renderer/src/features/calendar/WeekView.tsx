import { Select, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { ChannelOutput } from '#contract/index.ts';
import { addDays, mondayOf } from '#shared/dates.ts';
import { messageOf } from '../../api/errors.ts';
import { useSettings } from '../../api/settings.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDateMedium, formatDateShort } from '../../lib/date-format.ts';
import { useTargetDialog } from '../../lib/use-target-dialog.ts';
import { DayHeader, NotTakingBookingsBadge } from './ColumnHeaders.tsx';
import { DateBar, DateHeading, DateNav } from './DateNav.tsx';
import { EmptyScheduleMessage } from './DayView.tsx';
import { buildGridModel, type GridColumn, type LeaveBand } from './grid/grid-model.ts';
import { ScheduleGrid } from './grid/ScheduleGrid.tsx';
import { GridSkeleton } from './GridSkeleton.tsx';
import { useScheduleRights } from '../../lib/schedule-rights.ts';
import { useDoctorList, useScheduleWeek } from '../../api/schedule.ts';
import { SlotDialog, slotTarget, type OpenSlot } from './SlotDialog.tsx';
import { MoveAppointmentDialog } from './drag/MoveAppointmentDialog.tsx';
import type { SlotMove } from './drag/use-slot-drag.ts';
import { calendarStrings } from './strings.ts';
import { useCalendarDate, useStoredChoice } from './use-calendar-state.ts';

const strings = calendarStrings;
type WeekData = ChannelOutput<'schedule.week'>;

function leaveOn(data: WeekData, date: string): LeaveBand[] {
  return data.leave
    .filter((period) => period.kind === 'leave' && period.startDate <= date && date <= period.endDate)
    .map(({ startTime, endTime, reason }) => ({ startTime, endTime, reason }));
}

function weekColumns(data: WeekData): GridColumn[] {
  return data.days.map((date, index) => ({
    key: String(index),
    doctorId: data.doctor.doctorId,
    date,
    label: formatDateShort(date),
    slots: data.slots.filter((slot) => slot.date === date),
    leave: leaveOn(data, date),
  }));
}

/** One doctor's week, Monday to Sunday, one column per day. */
export function WeekView({ today }: { today: string }) {
  const timeFormat = useSettings().data?.timeFormat ?? '24h';
  const rights = useScheduleRights();
  const [date, setDate] = useCalendarDate(today);
  const doctors = useDoctorList();
  const [stored, setStored] = useStoredChoice('calendar-week-doctor');
  const choices = (doctors.data ?? []).map((doctor) => ({
    value: String(doctor.doctorId),
    label: `${doctor.name} · ${doctor.specialization}`,
  }));
  const known = (value: string | null) => value !== null && choices.some((choice) => choice.value === value);
  const fallback = rights.ownDoctorId !== null ? String(rights.ownDoctorId) : (choices[0]?.value ?? null);
  const doctorValue = known(stored) ? stored : known(fallback) ? fallback : null;
  const doctorId = doctorValue === null ? null : Number(doctorValue);
  const week = useScheduleWeek(doctorId, date);
  const dialog = useTargetDialog<OpenSlot>();
  const moveDialog = useTargetDialog<SlotMove>();
  const clinicToday = week.data?.now.date ?? today;
  const model = useMemo(() => (week.data ? buildGridModel(weekColumns(week.data)) : null), [week.data]);
  const days = week.data?.days ?? [];
  const first = days[0] ?? mondayOf(date);
  const heading = strings.heading.week(formatDateShort(first), formatDateMedium(days[6] ?? addDays(first, 6)));

  let body;
  if (doctors.isPending || (doctorId !== null && week.isPending)) body = <GridSkeleton columns={7} />;
  else if (doctors.isError && !doctors.data)
    body = <FormAlert title={strings.loadFailed}>{messageOf(doctors.error)}</FormAlert>;
  else if (doctorId === null) body = <Text>{strings.empty.noDoctors}</Text>;
  else if (week.isError && !week.data) body = <FormAlert title={strings.loadFailed}>{messageOf(week.error)}</FormAlert>;
  else if (model && week.data) {
    const doctorName = week.data.doctor.name;
    body = (
      <ScheduleGrid
        model={model}
        label={strings.grid.weekLabel(doctorName, formatDateMedium(first))}
        timeFormat={timeFormat}
        now={week.data.now}
        nowSaidAt={week.dataUpdatedAt}
        busy={week.isFetching}
        renderHeader={(column) => (
          <DayHeader
            label={column.label}
            isToday={column.date === clinicToday}
            leave={column.leave}
            timeFormat={timeFormat}
          />
        )}
        onOpenSlot={(slot, _column, details) =>
          dialog.open(slotTarget(slot, doctorName, { canBook: rights.canBook, details }))
        }
        onPage={(step) => setDate(addDays(date, step * 7))}
        onToday={() => setDate(clinicToday)}
        onMove={rights.canBook ? moveDialog.open : undefined}
        empty={{ label: strings.empty.week, content: <EmptyScheduleMessage text={strings.empty.week} /> }}
      />
    );
  }

  return (
    <Stack gap="sm">
      <DateBar>
        <DateHeading text={heading} badge={days.includes(clinicToday) ? strings.heading.thisWeekBadge : null}>
          {week.data && !week.data.doctor.isAvailable ? <NotTakingBookingsBadge /> : null}
        </DateHeading>
        <DateNav date={date} today={clinicToday} unit="week" onChange={setDate}>
          <Select
            label={strings.toolbar.doctor}
            placeholder={strings.toolbar.chooseDoctor}
            data={choices}
            value={doctorValue}
            onChange={(value) => {
              if (value) setStored(value);
            }}
            allowDeselect={false}
            searchable
            w={260}
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
      <MoveAppointmentDialog
        move={moveDialog.target}
        opened={moveDialog.opened}
        timeFormat={timeFormat}
        doctorName={() => week.data?.doctor.name}
        onClose={moveDialog.close}
      />
    </Stack>
  );
}
