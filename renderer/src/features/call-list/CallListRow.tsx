import { ActionIcon, Group, Kbd, Table, Text, Tooltip } from '@mantine/core';
import type { CallListEntry } from '#contract/call-list.ts';
import { CALL_OUTCOMES, type CallOutcome } from '#shared/statuses.ts';
import { useDeskFormat } from '../../lib/use-desk-format.ts';
import { OrMissing } from '../../ui/OrMissing.tsx';
import { CALL_OUTCOME_LOOK, CallMarkBadge } from './CallMarkBadge.tsx';
import { callListStrings as strings } from './strings.ts';

export interface CallListRowProps {
  entry: CallListEntry;
  index: number;
  active: boolean;
  /** False for doctors: they read the list, the desk marks it. */
  canMark: boolean;
  busy: boolean;
  onMark: (entry: CallListEntry, outcome: CallOutcome) => void;
  onFocusRow: (index: number) => void;
}

/** One appointment to confirm: time, patient, doctor, phone, the latest call and the four marks. */
export function CallListRow({ entry, index, active, canMark, busy, onMark, onFocusRow }: CallListRowProps) {
  const format = useDeskFormat();
  const open = entry.status === 'scheduled';
  return (
    <Table.Tr
      className="cd-call-row"
      data-row={index}
      data-appointment-id={entry.appointmentId}
      tabIndex={active ? 0 : -1}
      onFocus={() => onFocusRow(index)}
    >
      <Table.Td fw={600}>{format.time(entry.time)}</Table.Td>
      <Table.Td>
        <Text fw={600} size="sm" td={entry.status === 'cancelled' ? 'line-through' : undefined}>
          {entry.patientName}
        </Text>
        <Text size="xs">{entry.patientNumber}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{entry.doctorName}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace">
          <OrMissing value={entry.phone} />
        </Text>
      </Table.Td>
      <Table.Td>
        {entry.mark ? (
          <Group gap={6} wrap="nowrap">
            <CallMarkBadge outcome={entry.mark.outcome} />
            <Text size="xs">
              {strings.markedBy(entry.mark.markedBy, format.instant(entry.mark.markedAt))}
              {entry.calls > 1 ? ` · ${strings.calls(entry.calls)}` : ''}
            </Text>
          </Group>
        ) : (
          <Text size="sm">{strings.notCalled}</Text>
        )}
      </Table.Td>
      {canMark ? (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            {CALL_OUTCOMES.map((outcome, i) => {
              const look = CALL_OUTCOME_LOOK[outcome];
              const OutcomeIcon = look.icon;
              const label = strings.markLabel(strings.outcomes[outcome], entry.patientName);
              return (
                <Tooltip
                  key={outcome}
                  label={
                    <>
                      {strings.outcomes[outcome]} <Kbd size="xs">{i + 1}</Kbd>
                    </>
                  }
                >
                  <ActionIcon
                    variant="default"
                    aria-label={label}
                    tabIndex={active ? 0 : -1}
                    disabled={!open || busy}
                    onClick={() => onMark(entry, outcome)}
                  >
                    <OutcomeIcon size={16} aria-hidden color={`var(--mantine-color-${look.color}-filled)`} />
                  </ActionIcon>
                </Tooltip>
              );
            })}
          </Group>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
