import { Group, Select, Text } from '@mantine/core';
import { useId } from 'react';
import type { Board } from '#contract/front-desk.ts';
import { APPOINTMENT_STATUSES } from '#shared/statuses.ts';
import { appointmentStatusLabel } from '../../lib/appointment-status.ts';
import type { Viewer } from '../../lib/use-desk-format.ts';
import { deskStrings } from './strings.ts';

const strings = deskStrings.board;
const ALL = 'all';

interface BoardToolbarProps {
  board: Board;
  viewer: Viewer;
  doctorId: number | null;
  onDoctorChange: (doctorId: number | null) => void;
}

/** The doctor filter (a doctor's own name first) and the whole day's count per status. */
export function BoardToolbar({ board, viewer, doctorId, onDoctorChange }: BoardToolbarProps) {
  const selectId = useId();
  const own = board.doctors.filter((d) => d.doctorId === viewer.userId);
  const others = board.doctors.filter((d) => d.doctorId !== viewer.userId);
  const dayTotal = board.doctors.reduce((sum, d) => sum + d.count, 0);
  const choices = [
    { value: ALL, label: strings.allDoctors(dayTotal) },
    ...own.map((d) => ({ value: String(d.doctorId), label: strings.ownDoctorOption(d.name, d.count) })),
    ...others.map((d) => ({ value: String(d.doctorId), label: strings.doctorOption(d.name, d.count) })),
  ];
  return (
    <Group gap="lg" wrap="wrap">
      <Group gap="xs" wrap="nowrap">
        <Text component="label" htmlFor={selectId} size="sm" fw={600}>
          {strings.doctorFilter}
        </Text>
        <Select
          id={selectId}
          size="xs"
          w={280}
          data={choices}
          value={doctorId === null ? ALL : String(doctorId)}
          onChange={(value) => onDoctorChange(value === null || value === ALL ? null : Number(value))}
          allowDeselect={false}
          searchable
        />
      </Group>
      <Group
        component="ul"
        gap="md"
        aria-label={strings.countsLabel}
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
      >
        <Text component="li" size="sm" fw={700}>
          {strings.count(board.total)}
        </Text>
        {APPOINTMENT_STATUSES.map((status) => (
          <Text component="li" size="sm" key={status} data-status-count={status}>
            {strings.statusCount(appointmentStatusLabel(status), board.statusCounts[status])}
          </Text>
        ))}
      </Group>
    </Group>
  );
}
