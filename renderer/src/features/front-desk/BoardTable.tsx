import './board.css';
import { Table } from '@mantine/core';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Board, BoardAppointment } from '#contract/front-desk.ts';
import type { ClinicMoment, Viewer } from '../../lib/use-desk-format.ts';
import { allowedActions, splitActions, type AppointmentAction } from './appointment-rules.ts';
import { useBoardRows } from './board-api.ts';
import { BOARD_COLUMNS, BoardRow, BoardRowPending } from './BoardRow.tsx';
import { deskStrings } from './strings.ts';

const strings = deskStrings.board;
const ROW_HEIGHT = 35;
/** Never shorter than a few rows, on a small window or at 200% zoom. */
const MIN_HEIGHT = ROW_HEIGHT * 6;
/** Room kept below the box for the keyboard hint. */
const BELOW = 40;

/** Keys that move the focused row, as a step from where it is (Home/End handled apart). */
const STEPS: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1, PageDown: 10, PageUp: -10 };
const isMenuKey = (event: KeyboardEvent) =>
  (event.shiftKey && event.key === 'F10') || event.key === 'ContextMenu' || event.key === 'm';

/** The scroll box fills the window below it, so the page itself does not scroll. */
function useFitToWindow() {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(MIN_HEIGHT);
  useLayoutEffect(() => {
    const fit = () => {
      const top = ref.current?.getBoundingClientRect().top ?? 0;
      setHeight(Math.max(MIN_HEIGHT, window.innerHeight - top - BELOW));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);
  return { ref, height };
}

interface BoardTableProps {
  board: Board;
  doctorId: number | null;
  viewer: Viewer;
  moment: ClinicMoment;
  now: Date;
  busyId: number | null;
  onAction: (action: AppointmentAction, appointment: BoardAppointment) => void;
}

/**
 * The day's appointments as one table that renders only the rows in view and reads them from
 * main a page at a time. One row is focused: ↑/↓ (J/K) move, Enter does its next step,
 * Shift+F10 (or M, or the menu key) opens its menu.
 */
export function BoardTable({ board, doctorId, viewer, moment, now, busyId, onAction }: BoardTableProps) {
  const { ref: scrollRef, height } = useFitToWindow();
  const [active, setActive] = useState(0);
  const [menuFor, setMenuFor] = useState<number | null>(null);
  // The virtualizer re-renders this component itself on scroll; nothing here relies on memoizing it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: board.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Until the browser has laid the box out (and in tests without layout), assume a screenful.
    initialRect: { width: 1100, height: ROW_HEIGHT * 13 },
    observeElementRect: (instance, onRect) =>
      observeElementRect(instance, (rect) => {
        if (rect.height > 0) onRect(rect);
      }),
  });
  const items = virtualizer.getVirtualItems();
  const rowAt = useBoardRows(doctorId, items[0]?.index ?? 0, items.at(-1)?.index ?? 0);
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);

  function focusRow(index: number) {
    const target = Math.max(0, Math.min(board.total - 1, index));
    setActive(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // The row exists once the virtualizer has rendered it.
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`tr[data-row="${target}"]`)?.focus());
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>('tr[data-row]');
    if (!row) return;
    const index = Number(row.dataset.row);
    const onRow = event.target === row;
    const step = STEPS[event.key];
    let handled = true;
    if (step !== undefined) focusRow(index + step);
    else if (event.key === 'Home' && onRow) focusRow(0);
    else if (event.key === 'End' && onRow) focusRow(board.total - 1);
    else if (isMenuKey(event)) {
      const appointment = rowAt(index);
      if (appointment) setMenuFor(appointment.appointmentId);
    } else if (event.key === 'Enter' && onRow) {
      const appointment = rowAt(index);
      const next = appointment ? splitActions(allowedActions(appointment, viewer, moment)).primary : null;
      if (appointment && next && busyId === null) onAction(next, appointment);
    } else handled = false;
    if (handled) event.preventDefault();
  }

  return (
    <div
      ref={scrollRef}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        const row = (event.target as HTMLElement).closest<HTMLElement>('tr[data-row]');
        if (row) setActive(Number(row.dataset.row));
      }}
      style={{ height, overflow: 'auto' }}
    >
      <Table
        stickyHeader
        layout="fixed"
        verticalSpacing={3}
        miw={860}
        aria-label={strings.tableLabel}
        aria-rowcount={board.total + 1}
      >
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            <Table.Th scope="col" w={64}>
              {strings.time}
            </Table.Th>
            <Table.Th scope="col" w="22%">
              {strings.patient}
            </Table.Th>
            <Table.Th scope="col" w="16%">
              {strings.doctor}
            </Table.Th>
            <Table.Th scope="col">{strings.status}</Table.Th>
            <Table.Th scope="col" w={150} ta="right">
              {strings.actions}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {before > 0 ? (
            <tr aria-hidden>
              <td colSpan={BOARD_COLUMNS} style={{ height: before, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const appointment = rowAt(item.index);
            const isActive = item.index === active;
            if (!appointment) {
              return (
                <BoardRowPending
                  key={`pending-${item.index}`}
                  index={item.index}
                  height={ROW_HEIGHT}
                  active={isActive}
                />
              );
            }
            return (
              <BoardRow
                key={appointment.appointmentId}
                appointment={appointment}
                index={item.index}
                height={ROW_HEIGHT}
                active={isActive}
                viewer={viewer}
                moment={moment}
                now={now}
                likelyNoShowMinutes={board.likelyNoShowMinutes}
                busy={busyId === appointment.appointmentId}
                menuOpened={menuFor === appointment.appointmentId}
                onMenuChange={(opened) => setMenuFor(opened ? appointment.appointmentId : null)}
                onAction={onAction}
              />
            );
          })}
          {after > 0 ? (
            <tr aria-hidden>
              <td colSpan={BOARD_COLUMNS} style={{ height: after, padding: 0, border: 0 }} />
            </tr>
          ) : null}
        </Table.Tbody>
      </Table>
    </div>
  );
}
