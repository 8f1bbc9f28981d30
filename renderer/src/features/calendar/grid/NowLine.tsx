import { useLayoutEffect, useState, type RefObject } from 'react';
import { minutesToTime, timeToMinutes } from '#shared/dates.ts';
import type { TimeFormat } from '../../../lib/clinic-time.ts';
import { formatTime } from '../../../lib/date-format.ts';
import { useNow } from '../../../lib/use-now.ts';
import { calendarStrings } from '../strings.ts';
import { nowPosition, type GridModel } from './grid-model.ts';

export interface ClinicNow {
  date: string;
  time: string;
}

const LAST_MINUTE = 24 * 60 - 1;
/** The line's thickness in pixels (its border in schedule-grid.css). */
const LINE_WIDTH = 2;
const TICK_MS = 30_000;

/**
 * Main's now (its clock may be a test's), moved on by the time passed since main said it, so
 * the line keeps moving between refetches. It stops at the end of that day.
 */
export function movedOn(now: ClinicNow, saidAt: number, current: number): ClinicNow {
  const passed = Math.max(0, Math.floor((current - saidAt) / 60_000));
  return { date: now.date, time: minutesToTime(Math.min(LAST_MINUTE, timeToMinutes(now.time) + passed)) };
}

interface Box {
  top: number;
  left: number;
  width: number;
  /** On the grid's top edge (now is before the first row): the time is written under the line. */
  atTop: boolean;
}

/** The line's place inside the scrolling box: across the columns showing today, from the time column when all do. */
function measure(scroller: HTMLElement, table: HTMLTableElement, model: GridModel, now: ClinicNow): Box | null {
  const position = nowPosition(model, now);
  const row = position ? table.tBodies[0]?.rows[position.row] : undefined;
  const headers = table.tHead?.rows[0]?.cells;
  if (!position || !row || !headers) return null;
  const today = model.columns.flatMap((column, index) => (column.date === now.date ? [index + 1] : []));
  const first = today.length === model.columns.length ? headers[0] : headers[today[0] ?? 0];
  const last = headers[today[today.length - 1] ?? 0];
  if (!first || !last) return null;
  const outer = scroller.getBoundingClientRect();
  const rowBox = row.getBoundingClientRect();
  const start = first.getBoundingClientRect().left;
  // After the last slot the line sits on the grid's bottom edge: drawn just inside it, so it shows.
  const atBottom = position.fraction === 1 ? LINE_WIDTH : 0;
  return {
    top: rowBox.top - outer.top + scroller.scrollTop + rowBox.height * position.fraction - atBottom,
    left: start - outer.left + scroller.scrollLeft,
    width: last.getBoundingClientRect().right - start,
    atTop: position.row === 0 && position.fraction === 0,
  };
}

interface NowLineProps {
  /** The grid; the line is drawn in the box that scrolls it. */
  tableRef: RefObject<HTMLTableElement | null>;
  model: GridModel;
  now: ClinicNow;
  /** When main said `now` (ms since the epoch). */
  saidAt: number;
  timeFormat: TimeFormat;
}

/** A red line across today at the current time, with the time on it; for the eye only (the row header says "Now"). */
export function NowLine({ tableRef, model, now, saidAt, timeFormat }: NowLineProps) {
  const { date, time } = movedOn(now, saidAt, useNow(TICK_MS).getTime());
  const [box, setBox] = useState<Box | null>(null);
  useLayoutEffect(() => {
    // The scrolling box's own ref is not attached yet when this first runs (refs attach child first).
    const table = tableRef.current;
    const scroller = table?.parentElement;
    if (!table || !scroller) return;
    const place = () => setBox(measure(scroller, table, model, { date, time }));
    place();
    // Rows grow when names wrap or the window changes width.
    const observer = new ResizeObserver(place);
    observer.observe(table);
    return () => observer.disconnect();
  }, [tableRef, model, date, time]);
  if (!box) return null;
  return (
    <div
      className="cd-now-line"
      aria-hidden
      data-at-top={box.atTop || undefined}
      style={{ top: box.top, left: box.left, width: box.width }}
    >
      <span className="cd-now-label">{calendarStrings.grid.nowAt(formatTime(time, timeFormat))}</span>
    </div>
  );
}

/** Scrolls the grid once per shown date so that the now line sits near the top, with a little of the past above it. */
export function scrollToNow(scroller: HTMLElement, table: HTMLTableElement, model: GridModel, now: ClinicNow): void {
  const box = measure(scroller, table, model, now);
  const header = table.tHead?.getBoundingClientRect().height ?? 0;
  if (!box) return;
  const rowHeight = table.tBodies[0]?.rows[0]?.getBoundingClientRect().height ?? 0;
  scroller.scrollTop = Math.max(0, box.top - header - 2 * rowHeight);
}
