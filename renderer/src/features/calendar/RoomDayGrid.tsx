import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Resource } from '#contract/appointment-types.ts';
import type { ChannelOutput } from '#contract/index.ts';
import { DAY_PAGE_MAX } from '#contract/schedule.ts';
import { addDays } from '#shared/dates.ts';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { useScheduleDay } from '../../api/schedule.ts';
import type { TimeFormat } from '../../lib/clinic-time.ts';
import { formatDateLong } from '../../lib/date-format.ts';
import { useScheduleRights } from '../../lib/schedule-rights.ts';
import { useTargetDialog } from '../../lib/use-target-dialog.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { buildGridModel, type GridColumn } from './grid/grid-model.ts';
import { ScheduleGrid } from './grid/ScheduleGrid.tsx';
import { GridSkeleton } from './GridSkeleton.tsx';
import { SlotDialog, slotTarget, type OpenSlot } from './SlotDialog.tsx';
import { calendarStrings, roomViewStrings as strings } from './strings.ts';

type DayData = ChannelOutput<'schedule.day'>;

/** One column per active room: the day's appointments holding it, whichever doctor they are with. */
export function roomColumns(data: DayData, rooms: readonly Resource[]): GridColumn[] {
  return rooms.map((room) => ({
    key: `room-${room.resourceId}`,
    doctorId: 0,
    date: data.date,
    label: room.name,
    slots: data.slots.filter((slot) => slot.appointment?.resourceId === room.resourceId),
    leave: [],
  }));
}

export interface RoomDayGridProps {
  date: string;
  timeFormat: TimeFormat;
  onDateChange: (date: string) => void;
}

/**
 * The day view by room: the first page of doctors' day (DAY_PAGE_MAX doctors) read once, its
 * appointments that hold a room drawn in that room's column, long ones as one block.
 */
export function RoomDayGrid({ date, timeFormat, onDateChange }: RoomDayGridProps) {
  const rights = useScheduleRights();
  const day = useScheduleDay({ date, offset: 0, limit: DAY_PAGE_MAX });
  const rooms = useQuery({ queryKey: ['resources', 'list', 'active'], queryFn: () => call('resources.list', {}) });
  const dialog = useTargetDialog<OpenSlot>();
  const model = useMemo(
    () => (day.data && rooms.data ? buildGridModel(roomColumns(day.data, rooms.data)) : null),
    [day.data, rooms.data],
  );
  const doctorName = new Map(day.data?.doctors.map((d) => [d.doctorId, d.name]) ?? []);
  const kindOf = new Map(rooms.data?.map((r) => [`room-${r.resourceId}`, r.kind]) ?? []);

  if (day.isPending || rooms.isPending) return <GridSkeleton />;
  if (day.isError || rooms.isError)
    return <FormAlert title={calendarStrings.loadFailed}>{messageOf(day.error ?? rooms.error)}</FormAlert>;
  if (!model || model.columns.length === 0) return <Text>{strings.noRooms}</Text>;
  return (
    <>
      <ScheduleGrid
        model={model}
        label={strings.gridLabel(formatDateLong(date))}
        timeFormat={timeFormat}
        now={day.data.now}
        nowSaidAt={day.dataUpdatedAt}
        busy={day.isFetching}
        renderHeader={(column) => (
          <Stack gap={0}>
            <Text fw={600} size="sm">
              {column.label}
            </Text>
            <Text size="xs" c="dimmed">
              {strings.kind(kindOf.get(column.key) ?? '')}
            </Text>
          </Stack>
        )}
        onOpenSlot={(slot, _column, details) =>
          dialog.open(slotTarget(slot, doctorName.get(slot.doctorId) ?? '', { canBook: rights.canBook, details }))
        }
        onPage={(step) => onDateChange(addDays(date, step))}
        onToday={() => onDateChange(day.data.now.date)}
        empty={{ label: strings.empty, content: <Text>{strings.empty}</Text> }}
      />
      <SlotDialog
        target={dialog.target}
        opened={dialog.opened}
        timeFormat={timeFormat}
        canManage={rights.canManage}
        canBook={rights.canBook}
        onClose={dialog.close}
      />
    </>
  );
}
