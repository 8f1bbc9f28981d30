import './call-list.css';
import { Table } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { CallListEntry } from '#contract/call-list.ts';
import { CALL_OUTCOMES, type CallOutcome } from '#shared/statuses.ts';
import { CallListRow } from './CallListRow.tsx';
import { callListStrings as strings } from './strings.ts';

const STEPS: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };

export interface CallListTableProps {
  entries: readonly CallListEntry[];
  canMark: boolean;
  busyId: number | null;
  /** Marks one entry; resolves true when the mark was made (focus then moves to the next patient). */
  onMark: (entry: CallListEntry, outcome: CallOutcome) => Promise<boolean>;
}

/**
 * The day's appointments to confirm. One row is focused at a time: ↑/↓ (Page Up/Down, Home/End)
 * move, 1–4 mark the focused patient; after a mark the next patient is focused.
 */
export function CallListTable({ entries, canMark, busyId, onMark }: CallListTableProps) {
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const current = Math.min(active, entries.length - 1);

  function focusRow(index: number) {
    const target = Math.max(0, Math.min(entries.length - 1, index));
    setActive(target);
    body.current?.querySelector<HTMLElement>(`tr[data-row="${target}"]`)?.focus();
  }

  async function mark(entry: CallListEntry, outcome: CallOutcome) {
    const index = entries.indexOf(entry);
    if (await onMark(entry, outcome)) focusRow(index + 1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableSectionElement>) {
    if (event.target instanceof HTMLElement && event.target.tagName !== 'TR') return;
    const step = STEPS[event.key];
    const outcome = CALL_OUTCOMES[Number(event.key) - 1];
    const entry = entries[current];
    if (step !== undefined) focusRow(current + step);
    else if (event.key === 'Home') focusRow(0);
    else if (event.key === 'End') focusRow(entries.length - 1);
    else if (canMark && outcome && entry && entry.status === 'scheduled' && busyId === null) void mark(entry, outcome);
    else return;
    event.preventDefault();
  }

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label={strings.tableLabel} highlightOnHover verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{strings.time}</Table.Th>
            <Table.Th>{strings.patient}</Table.Th>
            <Table.Th>{strings.doctor}</Table.Th>
            <Table.Th>{strings.phone}</Table.Th>
            <Table.Th>{strings.call}</Table.Th>
            {canMark ? <Table.Th>{strings.mark}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={body} onKeyDown={onKeyDown}>
          {entries.map((entry, index) => (
            <CallListRow
              key={entry.appointmentId}
              entry={entry}
              index={index}
              active={index === current}
              canMark={canMark}
              busy={busyId === entry.appointmentId}
              onMark={(e, outcome) => void mark(e, outcome)}
              onFocusRow={setActive}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
