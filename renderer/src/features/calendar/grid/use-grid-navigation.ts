import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { GridModel, GridPosition } from './grid-model.ts';
import { keyOf, moveFrom, resolveKey, type ActiveKey, type GridMove } from './grid-navigation.ts';

const MOVES: Record<string, GridMove> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Home: 'home',
  End: 'end',
};

export const EMPTY_CELL = 'empty';

const findCell = (root: HTMLElement | null, id: string): HTMLElement | null =>
  root?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(id)}"]`) ?? null;

export const cellId = (model: GridModel, position: GridPosition): string =>
  `${model.columns[position.column]?.key ?? ''}|${model.rows[position.row]?.start ?? ''}`;

interface GridNavigationOptions {
  /** Enter, Space: the slot's main action; B: its details. */
  onOpen: (position: GridPosition, details: boolean) => void;
  onPage: (step: 1 | -1) => void;
  onToday: () => void;
  /** Left or right past the last column: the previous or next page of columns, if there is one. */
  onEdge?: ((step: 1 | -1) => boolean) | undefined;
}

/**
 * A roving tabindex over the slot cells: exactly one cell is tabbable, arrow keys move it. The
 * focused cell is remembered by column and time, so refetches and date changes keep it; focus
 * is moved only by the user's own keys, or put back when a refetch removed the focused cell.
 */
export function useGridNavigation(
  model: GridModel,
  container: RefObject<HTMLTableElement | null>,
  options: GridNavigationOptions,
) {
  const [activeKey, setActiveKey] = useState<ActiveKey | null>(null);
  const active = useMemo(() => resolveKey(model, activeKey), [model, activeKey]);
  /** The user moved (or paged) by keyboard: focus follows once the target cell exists. */
  const pendingFocus = useRef(false);
  /** Focus was last inside the grid (not taken elsewhere since). */
  const focusInside = useRef(false);

  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      focusInside.current = container.current?.contains(event.target as Node) ?? false;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [container]);

  useLayoutEffect(() => {
    // With no slots at all, the grid's one "empty" cell keeps the keys working.
    const element = findCell(container.current, active ? cellId(model, active) : EMPTY_CELL);
    if (!element) return;
    const current = document.activeElement;
    const lost = focusInside.current && (current === null || current === document.body);
    if ((pendingFocus.current || lost) && current !== element) element.focus();
    pendingFocus.current = false;
  }, [model, active, container]);

  const remember = useCallback(
    (position: GridPosition) => {
      const next = keyOf(model, position);
      setActiveKey((old) => (old && next && old.columnKey === next.columnKey && old.time === next.time ? old : next));
    },
    [model],
  );

  const goTo = (position: GridPosition) => {
    remember(position);
    const element = findCell(container.current, cellId(model, position));
    if (element) element.focus();
    else pendingFocus.current = true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const move = MOVES[event.key];
    if (move) {
      event.preventDefault();
      const next = active ? moveFrom(model, active, move) : null;
      if (next) goTo(next);
      else if ((move === 'left' || move === 'right') && options.onEdge?.(move === 'right' ? 1 : -1)) {
        pendingFocus.current = true;
      }
    } else if (event.key === 'Enter' || event.key === ' ' || event.key === 'b' || event.key === 'B') {
      if (!active || (event.target as HTMLElement).closest('a, button')) return;
      event.preventDefault();
      options.onOpen(active, event.key === 'b' || event.key === 'B');
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      pendingFocus.current = true;
      options.onPage(event.key === 'PageDown' ? 1 : -1);
    } else if (event.key === 't' || event.key === 'T') {
      event.preventDefault();
      pendingFocus.current = true;
      options.onToday();
    }
  };

  return {
    active,
    onKeyDown,
    /** A click or focus on a cell makes it the tabbable one. */
    activate: remember,
  };
}
