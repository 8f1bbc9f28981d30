import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

// Why a slot cannot be booked, shown beside the cell under focus (at once) or under the pointer
// (after a pause). One hint for the whole grid rather than a tooltip per cell: 240 tooltips made
// opening a day a 100+ ms task. The cells carry their hint text in `data-hint`, so the text is
// always the cell's current one (a reason that arrives by a refetch while the cell has focus shows).

const HOVER_DELAY_MS = 300;
const GAP = 4;

type Source = 'focus' | 'pointer';

interface Shown {
  text: string;
  top: number;
  left: number;
  /** Drawn above the cell when there is no room under it. */
  above: boolean;
}

const cellOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>('[data-cell]') : null;

/** The cells a hint may be for, the one under the pointer first, then the focused one. */
function useHintTarget(tableRef: RefObject<HTMLTableElement | null>) {
  const [focused, setFocused] = useState<string | null>(null);
  const [pointed, setPointed] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const table = tableRef.current;
    if (!table) return;
    const set = (source: Source, id: string | null) => (source === 'focus' ? setFocused(id) : setPointed(id));
    const onFocusIn = (event: FocusEvent) => set('focus', cellOf(event.target)?.dataset.cell ?? null);
    const onFocusOut = () => set('focus', null);
    const onOver = (event: MouseEvent) => {
      const id = cellOf(event.target)?.dataset.cell ?? null;
      clearTimeout(timer.current);
      setPointed(null);
      if (id !== null) timer.current = setTimeout(() => set('pointer', id), HOVER_DELAY_MS);
    };
    const onLeave = () => {
      clearTimeout(timer.current);
      setPointed(null);
    };
    table.addEventListener('focusin', onFocusIn);
    table.addEventListener('focusout', onFocusOut);
    table.addEventListener('mouseover', onOver);
    table.addEventListener('mouseleave', onLeave);
    return () => {
      clearTimeout(timer.current);
      table.removeEventListener('focusin', onFocusIn);
      table.removeEventListener('focusout', onFocusOut);
      table.removeEventListener('mouseover', onOver);
      table.removeEventListener('mouseleave', onLeave);
    };
  }, [tableRef]);
  return [pointed, focused] as const;
}

function place(cell: HTMLElement, text: string): Shown {
  const box = cell.getBoundingClientRect();
  const above = box.bottom + 80 > window.innerHeight;
  return { text, left: box.left, top: above ? box.top - GAP : box.bottom + GAP, above };
}

/** The hint, fixed to the window beside its cell, following it when the grid scrolls. */
export function SlotHint({ tableRef, version }: { tableRef: RefObject<HTMLTableElement | null>; version: unknown }) {
  const [pointed, focused] = useHintTarget(tableRef);
  const [shown, setShown] = useState<Shown | null>(null);
  useLayoutEffect(() => {
    const table = tableRef.current;
    // A pointer resting on a cell with nothing to say does not hide the focused cell's hint.
    const cell = [pointed, focused]
      .map((id) => (id === null ? null : table?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(id)}"]`)))
      .find((candidate) => candidate?.dataset.hint);
    const text = cell?.dataset.hint;
    if (!cell || !text) {
      setShown(null);
      return;
    }
    const follow = () => setShown(place(cell, text));
    follow();
    const scroller = table?.parentElement;
    scroller?.addEventListener('scroll', follow, { passive: true });
    return () => scroller?.removeEventListener('scroll', follow);
  }, [pointed, focused, tableRef, version]);
  if (!shown) return null;
  return (
    <div
      role="tooltip"
      className="cd-slot-hint"
      data-above={shown.above || undefined}
      style={{ top: shown.top, left: shown.left }}
    >
      {shown.text}
    </div>
  );
}
