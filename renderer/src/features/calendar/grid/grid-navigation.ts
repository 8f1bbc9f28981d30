import { timeToMinutes } from '#shared/dates.ts';
import type { GridModel, GridPosition } from './grid-model.ts';

// Where the arrow keys go. Only cells with a slot take focus; up and down move in time within a
// column, left and right move to the neighbouring doctor (or day) at the nearest time.

export type GridMove = 'up' | 'down' | 'left' | 'right' | 'home' | 'end';

/** The stable identity of the focused cell, kept across refetches and date changes. */
export interface ActiveKey {
  columnKey: string;
  time: string;
}

const rowMinutes = (model: GridModel, row: number): number => timeToMinutes(model.rows[row]?.start ?? '00:00');

/** The slot row of a column nearest to a time (a slot covering the time wins). */
function nearestRow(model: GridModel, column: number, minutes: number): number | null {
  const rows = model.slotRows[column] ?? [];
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const row of rows) {
    const start = rowMinutes(model, row);
    const cell = model.rows[row]?.cells[column];
    const end = cell?.kind === 'slot' ? timeToMinutes(cell.slot.endTime) : start;
    const distance = minutes >= start && minutes < end ? -1 : Math.abs(start - minutes);
    if (distance < bestDistance) {
      best = row;
      bestDistance = distance;
    }
  }
  return best;
}

function sideways(model: GridModel, fromColumn: number, minutes: number, step: 1 | -1): GridPosition | null {
  for (let column = fromColumn + step; column >= 0 && column < model.columns.length; column += step) {
    const row = nearestRow(model, column, minutes);
    if (row !== null) return { column, row };
  }
  return null;
}

export function moveFrom(model: GridModel, from: GridPosition, move: GridMove): GridPosition | null {
  const rows = model.slotRows[from.column] ?? [];
  const index = rows.indexOf(from.row);
  const at = (i: number): GridPosition | null => {
    const row = rows[i];
    return row === undefined ? null : { column: from.column, row };
  };
  switch (move) {
    case 'up':
      return index > 0 ? at(index - 1) : null;
    case 'down':
      return index >= 0 ? at(index + 1) : null;
    case 'home':
      return at(0);
    case 'end':
      return at(rows.length - 1);
    case 'left':
      return sideways(model, from.column, rowMinutes(model, from.row), -1);
    case 'right':
      return sideways(model, from.column, rowMinutes(model, from.row), 1);
  }
}

/** Where focus starts: the earliest slot that is not over yet, else the first slot. */
export function firstPosition(model: GridModel): GridPosition | null {
  let fallback: GridPosition | null = null;
  let best: GridPosition | null = null;
  for (const [column, rows] of model.slotRows.entries()) {
    const first = rows[0];
    if (first !== undefined && (fallback === null || first < fallback.row)) fallback = { column, row: first };
    const open = rows.find((row) => {
      const cell = model.rows[row]?.cells[column];
      return cell?.kind === 'slot' && cell.slot.state !== 'past';
    });
    if (open !== undefined && (best === null || open < best.row)) best = { column, row: open };
  }
  return best ?? fallback;
}

export function keyOf(model: GridModel, position: GridPosition): ActiveKey | null {
  const column = model.columns[position.column];
  const row = model.rows[position.row];
  return column && row ? { columnKey: column.key, time: row.start } : null;
}

/**
 * The cell for a remembered key in a new model: same column and time, or the nearest slot. When
 * the column is gone (another page of doctors), the same time in the first column that has slots.
 */
export function resolveKey(model: GridModel, key: ActiveKey | null): GridPosition | null {
  if (!key) return firstPosition(model);
  const column = model.columns.findIndex((candidate) => candidate.key === key.columnKey);
  const minutes = timeToMinutes(key.time);
  if (column < 0) return sideways(model, -1, minutes, 1) ?? firstPosition(model);
  const row = nearestRow(model, column, minutes);
  if (row !== null) return { column, row };
  return sideways(model, column, minutes, 1) ?? sideways(model, column, minutes, -1) ?? firstPosition(model);
}
