import './schedule-grid.css';
import { Text } from '@mantine/core';
import { useId, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import type { SlotView } from '#contract/schedule.ts';
import { timeToMinutes } from '#shared/dates.ts';
import type { TimeFormat } from '../../../lib/clinic-time.ts';
import { formatTime } from '../../../lib/date-format.ts';
import { calendarStrings } from '../strings.ts';
import { leaveOverlapping, type GridColumn, type GridModel, type GridRow } from './grid-model.ts';
import { NowLine, scrollToNow } from './NowLine.tsx';
import { LeaveCell, SlotCell } from './SlotCell.tsx';
import { SlotHint } from './SlotHint.tsx';
import { cellId, EMPTY_CELL, useGridNavigation } from './use-grid-navigation.ts';
import { DragFeedback } from '../drag/DragFeedback.tsx';
import { useSlotDrag, type SlotMove } from '../drag/use-slot-drag.ts';

// Our own ARIA grid rather than react-big-calendar: its keyboard support is poor (no roving
// focus between slots, no way to name a cell), and the desk works by keyboard all day.

const strings = calendarStrings.grid;
/** The narrowest a column gets: a doctor's name still reads. The day view pages its doctors to keep it. */
export const COLUMN_MIN_WIDTH = 150;
export const TIME_COLUMN_WIDTH = 76;

export interface ScheduleGridProps {
  model: GridModel;
  label: string;
  timeFormat: TimeFormat;
  /** The clinic's date and time (from main); marks the current row on today's date. */
  now: { date: string; time: string };
  /** When main said `now` (ms since the epoch): the now line moves on from there. */
  nowSaidAt: number;
  renderHeader: (column: GridColumn) => ReactNode;
  /** `details`: the slot's details were asked for (B, a right click) rather than its main action. */
  onOpenSlot: (slot: SlotView, column: GridColumn, details: boolean) => void;
  onPage: (step: 1 | -1) => void;
  onToday: () => void;
  /** Arrow keys past the first or last column; true when there was another page to go to. */
  onColumnPage?: (step: 1 | -1) => boolean;
  /** A refetch or the next date is loading; the current one stays on screen. */
  busy: boolean;
  /** Shown in one cell when no column has a slot (the keys keep working there). */
  empty: { label: string; content: ReactNode };
  /** An appointment dragged (or moved by keyboard) to a free slot; without it nothing drags. */
  onMove?: ((move: SlotMove) => void) | undefined;
}

const isBefore = (slot: SlotView, now: ScheduleGridProps['now']): boolean =>
  slot.date < now.date || (slot.date === now.date && slot.startTime < now.time);

function isNowRow(row: GridRow, columns: GridColumn[], now: ScheduleGridProps['now']): boolean {
  if (!columns.some((column) => column.date === now.date)) return false;
  const minutes = timeToMinutes(now.time);
  return timeToMinutes(row.start) <= minutes && minutes < timeToMinutes(row.end);
}

const MIN_HEIGHT = 240;
/** Room kept under the grid for the keyboard hint and the page's padding. */
const BELOW = 44;

/** The grid scrolls inside the window's remaining height, wherever the controls above it wrap to. */
function useFitToWindow(ref: RefObject<HTMLDivElement | null>): void {
  useLayoutEffect(() => {
    const fit = () => {
      const element = ref.current;
      if (!element) return;
      const top = element.getBoundingClientRect().top + window.scrollY;
      element.style.maxHeight = `${Math.max(MIN_HEIGHT, window.innerHeight - top - BELOW)}px`;
    };
    fit();
    // Controls above may wrap or grow after the first paint (filters load, badges appear).
    const observer = new ResizeObserver(fit);
    observer.observe(document.body);
    window.addEventListener('resize', fit);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, [ref]);
}

/** Opens scrolled to now, once for each date shown (not at every refetch or page of doctors). */
function useScrollToNow(
  scrollRef: RefObject<HTMLDivElement | null>,
  gridRef: RefObject<HTMLTableElement | null>,
  model: GridModel,
  now: ScheduleGridProps['now'],
): void {
  const scrolledFor = useRef<string | null>(null);
  const dates = model.columns.map((column) => column.date).join();
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const table = gridRef.current;
    if (!scroller || !table || scrolledFor.current === dates) return;
    scrolledFor.current = dates;
    scrollToNow(scroller, table, model, now);
  }, [scrollRef, gridRef, model, now, dates]);
}

export function ScheduleGrid(props: ScheduleGridProps) {
  const { model, label, timeFormat, now, renderHeader, onOpenSlot, busy, empty } = props;
  const hintId = useId();
  const gridRef = useRef<HTMLTableElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  useFitToWindow(scrollRef);
  useScrollToNow(scrollRef, gridRef, model, now);
  const nav = useGridNavigation(model, gridRef, {
    onOpen: (position, details) => {
      const cell = model.rows[position.row]?.cells[position.column];
      const column = model.columns[position.column];
      if (cell?.kind === 'slot' && column) onOpenSlot(cell.slot, column, details);
    },
    onPage: props.onPage,
    onToday: props.onToday,
    onEdge: props.onColumnPage,
  });
  const drag = useSlotDrag({ model, tableRef: gridRef, active: nav.active, onMove: props.onMove });

  return (
    <div>
      <div className="cd-grid-scroll" ref={scrollRef}>
        <table
          role="grid"
          aria-label={label}
          aria-describedby={hintId}
          aria-busy={busy || undefined}
          data-dragging={drag.dragging || undefined}
          className="cd-grid"
          style={{ minWidth: TIME_COLUMN_WIDTH + model.columns.length * COLUMN_MIN_WIDTH }}
          ref={gridRef}
          onKeyDown={(event) => {
            if (!drag.onKeyDown(event)) nav.onKeyDown(event);
          }}
          onPointerDown={drag.onPointerDown}
        >
          <thead>
            <tr role="row">
              <th role="columnheader" scope="col" className="cd-grid-time">
                {strings.timeColumn}
              </th>
              {model.columns.map((column) => (
                <th role="columnheader" scope="col" key={column.key}>
                  {renderHeader(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {model.rows.length === 0 ? (
              <tr role="row">
                <td
                  role="gridcell"
                  colSpan={model.columns.length + 1}
                  tabIndex={0}
                  aria-label={empty.label}
                  className="cd-grid-empty"
                  data-cell={EMPTY_CELL}
                >
                  {empty.content}
                </td>
              </tr>
            ) : null}
            {model.rows.map((row, rowIndex) => {
              const current = isNowRow(row, model.columns, now);
              return (
                <tr role="row" key={row.start}>
                  <th role="rowheader" scope="row" className="cd-grid-time" data-now={current || undefined}>
                    {formatTime(row.start, timeFormat)}
                    {current ? (
                      <Text span size="xs" fw={700} c="red.8" ml={4}>
                        {strings.now}
                      </Text>
                    ) : null}
                  </th>
                  {row.cells.map((cell, columnIndex) => {
                    const column = model.columns[columnIndex];
                    if (!column || cell.kind === 'covered') return null;
                    const key = `${column.key}|${row.start}`;
                    if (cell.kind === 'empty') return <td role="gridcell" key={key} />;
                    if (cell.kind === 'leave') {
                      return (
                        <LeaveCell key={key} band={cell.band} rowSpan={cell.rowSpan} who={column.label} cellId={key} />
                      );
                    }
                    const position = { column: columnIndex, row: rowIndex };
                    const active = nav.active?.column === columnIndex && nav.active.row === rowIndex;
                    return (
                      <SlotCell
                        key={key}
                        who={column.label}
                        slot={cell.slot}
                        leaveReason={leaveOverlapping(column, cell.slot)?.reason ?? null}
                        past={isBefore(cell.slot, now)}
                        rowSpan={cell.rowSpan}
                        timeFormat={timeFormat}
                        tabbable={active}
                        movable={drag.movable(cell.slot)}
                        dragMark={drag.markOf(position, cell.slot)}
                        cellId={cellId(model, position)}
                        onFocus={() => nav.activate(position)}
                        onOpen={() => {
                          nav.activate(position);
                          onOpenSlot(cell.slot, column, false);
                        }}
                        onDetails={() => {
                          nav.activate(position);
                          onOpenSlot(cell.slot, column, true);
                        }}
                      />
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        <SlotHint tableRef={gridRef} version={model} />
        {drag.enabled ? <DragFeedback tableRef={gridRef} note={drag.note} announcement={drag.announcement} /> : null}
        <NowLine tableRef={gridRef} model={model} now={now} saidAt={props.nowSaidAt} timeFormat={timeFormat} />
      </div>
      <Text id={hintId} size="xs" c="dimmed" mt={4}>
        {strings.keyboardHint}
        {drag.enabled ? ` ${calendarStrings.drag.keyboardHint}` : null}
      </Text>
    </div>
  );
}
