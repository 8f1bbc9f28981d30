import { Anchor, Table } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import type { PatientSearchResult } from '#contract/patients.ts';
import { useDeskFormat } from '../../lib/use-desk-format.ts';
import { birthText } from './birth.ts';
import { patientsStrings } from './strings.ts';
import { OrMissing } from '../../ui/OrMissing.tsx';

const strings = patientsStrings.list;
const ROW_HEIGHT = 41;
const COLUMNS = 7;

/**
 * Search results as a table that renders only the rows in view, so a long list scrolls
 * smoothly. Arrow keys move between the patients' links; rows scroll into view as they do.
 */
export function PatientResultsTable({ patients, busy }: { patients: readonly PatientSearchResult[]; busy: boolean }) {
  const format = useDeskFormat();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders this component itself on scroll; nothing here relies on memoizing it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: patients.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    // Until the browser has measured the container (and in tests without layout), assume a screenful.
    initialRect: { width: 960, height: 480 },
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  function focusRow(index: number) {
    const target = Math.max(0, Math.min(patients.length - 1, index));
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // The row exists once the virtualizer has rendered it.
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-row="${target}"] a`)?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!row) return;
    const index = Number(row.dataset.row);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + 10,
      PageUp: index - 10,
      Home: 0,
      End: patients.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    focusRow(next);
  }

  return (
    <div
      ref={scrollRef}
      onKeyDown={onKeyDown}
      style={{ maxHeight: 'calc(100vh - 320px)', minHeight: 160, overflow: 'auto' }}
    >
      <Table
        verticalSpacing="xs"
        highlightOnHover
        stickyHeader
        miw={1040}
        aria-label={strings.caption}
        aria-rowcount={patients.length + 1}
        aria-busy={busy}
      >
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th scope="col">{strings.name}</Table.Th>
            <Table.Th scope="col">{strings.number}</Table.Th>
            <Table.Th scope="col">{strings.born}</Table.Th>
            <Table.Th scope="col">{strings.phone}</Table.Th>
            <Table.Th scope="col">{strings.lastVisit}</Table.Th>
            <Table.Th scope="col">{strings.nextAppointment}</Table.Th>
            <Table.Th scope="col">{strings.email}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 ? (
            <tr aria-hidden>
              <td colSpan={COLUMNS} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const patient = patients[item.index];
            if (!patient) return null;
            const next = patient.nextAppointment;
            return (
              <Table.Tr key={patient.patientId} data-row={item.index} aria-rowindex={item.index + 2} h={ROW_HEIGHT}>
                <Table.Td>
                  <Anchor component={Link} to={`/patients/${patient.patientId}`} fw={600}>
                    {patient.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{patient.patientNumber}</Table.Td>
                <Table.Td>
                  <OrMissing value={birthText(patient)} />
                </Table.Td>
                <Table.Td>
                  <OrMissing value={patient.phone} />
                </Table.Td>
                <Table.Td>
                  <OrMissing value={patient.lastVisit && format.date(patient.lastVisit)} />
                </Table.Td>
                <Table.Td>
                  <OrMissing value={next && format.when(next.date, next.time)} />
                </Table.Td>
                <Table.Td>
                  <OrMissing value={patient.email} />
                </Table.Td>
              </Table.Tr>
            );
          })}
          {after > 0 ? (
            <tr aria-hidden>
              <td colSpan={COLUMNS} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </div>
  );
}
