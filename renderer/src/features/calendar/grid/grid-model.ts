import type { SlotView } from '#contract/schedule.ts';
import { minutesToTime, timeToMinutes } from '#shared/dates.ts';

// The calendar grid as rows and cells: one column per doctor (day view) or per date (week
// view), one row per time boundary found in any column. A slot spans the rows it covers;
// stretches of leave without slots become one band. Pure data, so it is tested on its own.

/** Leave on a column's date; whole day when the times are null. */
export interface LeaveBand {
  startTime: string | null;
  endTime: string | null;
  reason: string | null;
}

export interface GridColumn {
  /** Stable across dates (doctor id in the day view, weekday position in the week view). */
  key: string;
  doctorId: number;
  date: string;
  /** Who or when, for the accessible names of the cells ("Dr Mensah", "Wed 26 Nov"). */
  label: string;
  slots: SlotView[];
  leave: LeaveBand[];
}

export type GridCell =
  | { kind: 'slot'; slot: SlotView; rowSpan: number }
  | { kind: 'leave'; band: LeaveBand; rowSpan: number }
  | { kind: 'empty' }
  /** Under a cell that spans several rows: nothing is rendered. */
  | { kind: 'covered' };

export interface GridRow {
  start: string;
  end: string;
  cells: GridCell[];
}

export interface GridModel {
  columns: GridColumn[];
  rows: GridRow[];
  /** Per column, the row indexes where a slot starts, in time order: where arrow keys can go. */
  slotRows: number[][];
}

const bandCovers = (band: LeaveBand, start: number, end: number): boolean =>
  band.startTime === null || band.endTime === null
    ? true
    : timeToMinutes(band.startTime) <= start && end <= timeToMinutes(band.endTime);

/** The leave of a column that overlaps a slot, if any (its reason names the slot's state). */
export function leaveOverlapping(column: GridColumn, slot: SlotView): LeaveBand | undefined {
  return column.leave.find(
    (band) =>
      band.startTime === null ||
      band.endTime === null ||
      (band.startTime < slot.endTime && slot.startTime < band.endTime),
  );
}

function boundariesOf(columns: GridColumn[]): number[] {
  const points = new Set<number>();
  for (const column of columns) {
    for (const slot of column.slots) {
      points.add(timeToMinutes(slot.startTime));
      points.add(timeToMinutes(slot.endTime));
    }
  }
  if (points.size === 0) return [];
  const first = Math.min(...points);
  const last = Math.max(...points);
  // Part-day leave inside the day's hours draws exact band edges.
  for (const column of columns) {
    for (const band of column.leave) {
      for (const time of [band.startTime, band.endTime]) {
        if (time === null) continue;
        const minutes = timeToMinutes(time);
        if (minutes > first && minutes < last) points.add(minutes);
      }
    }
  }
  return [...points].sort((a, b) => a - b);
}

function columnCells(column: GridColumn, bounds: number[]): { cells: GridCell[]; slotRows: number[] } {
  const rowCount = bounds.length - 1;
  const cells: GridCell[] = Array.from({ length: rowCount }, () => ({ kind: 'empty' }));
  const slotRows: number[] = [];
  const indexOf = new Map(bounds.map((minutes, index) => [minutes, index]));
  const sorted = [...column.slots].sort((a, b) => a.startTime.localeCompare(b.startTime));
  for (const slot of sorted) {
    const from = indexOf.get(timeToMinutes(slot.startTime));
    const to = indexOf.get(timeToMinutes(slot.endTime));
    // Slots never overlap for one doctor; a second slot at a taken row would be a data error.
    if (from === undefined || to === undefined || cells[from]?.kind !== 'empty') continue;
    cells[from] = { kind: 'slot', slot, rowSpan: to - from };
    for (let row = from + 1; row < to; row += 1) cells[row] = { kind: 'covered' };
    slotRows.push(from);
  }
  // Empty stretches inside leave become one band each.
  let row = 0;
  while (row < rowCount) {
    const band =
      cells[row]?.kind === 'empty'
        ? column.leave.find((candidate) => bandCovers(candidate, bounds[row] ?? 0, bounds[row + 1] ?? 0))
        : undefined;
    if (!band) {
      row += 1;
      continue;
    }
    let end = row + 1;
    while (end < rowCount && cells[end]?.kind === 'empty' && bandCovers(band, bounds[end] ?? 0, bounds[end + 1] ?? 0)) {
      cells[end] = { kind: 'covered' };
      end += 1;
    }
    cells[row] = { kind: 'leave', band, rowSpan: end - row };
    row = end;
  }
  return { cells, slotRows };
}

export function buildGridModel(columns: GridColumn[]): GridModel {
  const bounds = boundariesOf(columns);
  const perColumn = columns.map((column) => columnCells(column, bounds));
  const rows: GridRow[] = bounds.slice(0, -1).map((start, index) => ({
    start: minutesToTime(start),
    end: minutesToTime(bounds[index + 1] ?? start),
    cells: perColumn.map((column) => column.cells[index] ?? { kind: 'empty' }),
  }));
  return { columns, rows, slotRows: perColumn.map((column) => column.slotRows) };
}

/** A position in the grid: column index and the row where a slot starts. */
export interface GridPosition {
  column: number;
  row: number;
}

export const slotAt = (model: GridModel, position: GridPosition): SlotView | null => {
  const cell = model.rows[position.row]?.cells[position.column];
  return cell?.kind === 'slot' ? cell.slot : null;
};

/**
 * Where a time falls in the grid, for the now line: the row it is in and how far through it.
 * Before the first row it sits on the grid's top edge, after the last on its bottom edge.
 * Null when the grid does not show the date.
 */
export function nowPosition(
  model: GridModel,
  now: { date: string; time: string },
): { row: number; fraction: number } | null {
  if (model.rows.length === 0 || !model.columns.some((column) => column.date === now.date)) return null;
  const minutes = timeToMinutes(now.time);
  for (const [index, row] of model.rows.entries()) {
    const start = timeToMinutes(row.start);
    const end = timeToMinutes(row.end);
    if (minutes < start) return { row: index, fraction: 0 };
    if (minutes < end) return { row: index, fraction: (minutes - start) / (end - start) };
  }
  return { row: model.rows.length - 1, fraction: 1 };
}
