import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import type { SlotView } from '#contract/schedule.ts';
import { slotAt, type GridModel, type GridPosition } from '../grid/grid-model.ts';
import { cellId } from '../grid/use-grid-navigation.ts';
import { calendarStrings } from '../strings.ts';
import { dropVerdict, isMovable, whyNotPickUp, type DropVerdict } from './drop-rules.ts';

// Moving an appointment by dragging it to another slot, with the mouse or the keyboard. The grid's
// own pointer and key handling does it (no drag library): the grid already knows where arrow keys
// go, and a keyboard move is just focus moving with the appointment held.

const strings = calendarStrings.drag;
/** How far the pointer moves before a press becomes a drag (a shorter one stays a click). */
const DRAG_THRESHOLD_PX = 5;
/** How near the grid's top or bottom edge the pointer scrolls it, and by how much per move. */
const EDGE_PX = 32;
const SCROLL_STEP_PX = 24;
/** The keys a held appointment takes: drop, put back, and those that would open a slot meanwhile. */
const HELD_KEYS = new Set(['Enter', 'Escape', ' ', 'b', 'm']);

/** An appointment dropped on a free slot: what the reason step needs. */
export interface SlotMove {
  source: SlotView;
  target: SlotView;
}

/** How a cell is drawn during a drag: where the appointment was, and where it would go. */
export type DragMark = 'source' | 'target' | 'refused';

/** Words shown beside a cell (the drop target, or where a drop was refused). */
export interface DropNote {
  cellId: string;
  text: string;
  refused: boolean;
}

interface Held {
  source: SlotView;
  patientName: string;
  by: 'keyboard' | 'pointer';
  /** The cell under the pointer; a keyboard drag targets the focused cell instead. */
  pointerTarget: string | null;
  /** Why the cell under the pointer takes nothing, when it is not a slot (a band of leave). */
  pointerRefusal: string | null;
}

interface Message {
  /** The cell it is shown beside; null when it is only announced. */
  cellId: string | null;
  text: string;
  refused: boolean;
}

interface SlotDragOptions {
  model: GridModel;
  tableRef: RefObject<HTMLTableElement | null>;
  /** The grid's focused cell. */
  active: GridPosition | null;
  /** Without it nothing can be dragged (the role may not reschedule). */
  onMove: ((move: SlotMove) => void) | undefined;
}

function cellUnder(
  table: HTMLTableElement | null,
  x: number,
  y: number,
): Pick<Held, 'pointerTarget' | 'pointerRefusal'> {
  const element = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-cell]');
  if (!element || !table?.contains(element)) return { pointerTarget: null, pointerRefusal: null };
  return { pointerTarget: element.dataset.cell ?? null, pointerRefusal: element.dataset.refusal ?? null };
}

function noteFor(verdict: DropVerdict, patientName: string): Omit<Message, 'cellId'> {
  if (verdict.kind === 'refused') return { text: strings.refused(verdict.reason), refused: true };
  if (verdict.kind === 'same') return { text: strings.sameSlot, refused: false };
  return { text: strings.dropHere(patientName), refused: false };
}

/**
 * The grid scrolls inside its own box: a pointer near its top or bottom edge scrolls it, so a
 * slot out of sight can be reached. The top edge sits under the sticky header row.
 */
function scrollNearEdge(scroller: HTMLElement | null | undefined, y: number): void {
  if (!scroller) return;
  const box = scroller.getBoundingClientRect();
  const header = scroller.querySelector('thead')?.getBoundingClientRect().height ?? 0;
  if (y < box.top + header + EDGE_PX) scroller.scrollBy(0, -SCROLL_STEP_PX);
  else if (y > box.bottom - EDGE_PX) scroller.scrollBy(0, SCROLL_STEP_PX);
}

/** A click that ends a drag is not a click on the cell (it would open the slot's dialog). */
function swallowNextClick(): void {
  const swallow = (event: MouseEvent) => {
    event.stopPropagation();
    event.preventDefault();
  };
  window.addEventListener('click', swallow, { capture: true, once: true });
  setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
}

function verdictOf(held: Held | null, target: SlotView | null): DropVerdict | null {
  if (!held) return null;
  if (target) return dropVerdict(held.source, target);
  return held.by === 'pointer' && held.pointerRefusal ? { kind: 'refused', reason: held.pointerRefusal } : null;
}

/** Where a held appointment would go: the cell under the pointer, or the focused one. */
function targetCellOf(held: Held | null, model: GridModel, active: GridPosition | null): string | null {
  if (!held) return null;
  if (held.by === 'pointer') return held.pointerTarget;
  return active ? cellId(model, active) : null;
}

export function useSlotDrag({ model, tableRef, active, onMove }: SlotDragOptions) {
  const enabled = onMove !== undefined;
  const [held, setHeld] = useState<Held | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const pressed = useRef<{ x: number; y: number; cell: string; slot: SlotView } | null>(null);

  const positions = useMemo(() => {
    const found = new Map<string, GridPosition>();
    model.slotRows.forEach((rows, column) => {
      for (const row of rows) found.set(cellId(model, { column, row }), { column, row });
    });
    return found;
  }, [model]);

  const targetCell = targetCellOf(held, model, active);
  const targetPosition = targetCell === null ? undefined : positions.get(targetCell);
  const targetSlot = targetPosition ? slotAt(model, targetPosition) : null;
  const verdict = verdictOf(held, targetSlot);

  const putBack = () => {
    if (!held) return;
    setHeld(null);
    setMessage({ cellId: null, text: strings.putBack(held.patientName), refused: false });
    if (held.by !== 'keyboard') return;
    const home = [...positions.values()].find(
      (position) => slotAt(model, position)?.availabilityId === held.source.availabilityId,
    );
    // Focusing the cell makes it the grid's active one (its focus handler).
    if (home) tableRef.current?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(cellId(model, home))}"]`)?.focus();
  };

  const drop = () => {
    if (!held) return;
    if (!verdict || verdict.kind === 'same' || targetCell === null) {
      putBack();
      return;
    }
    setHeld(null);
    if (verdict.kind === 'refused') {
      setMessage({ cellId: targetCell, ...noteFor(verdict, held.patientName) });
      return;
    }
    setMessage(null);
    if (targetSlot) onMove?.({ source: held.source, target: targetSlot });
  };

  const pickUp = (slot: SlotView, by: Held['by'], pointerTarget: string | null) => {
    if (!slot.appointment) return;
    setMessage(null);
    setHeld({ source: slot, patientName: slot.appointment.patientName, by, pointerTarget, pointerRefusal: null });
  };

  // The document's pointer listeners outlive a render: they call the latest drop and put-back.
  const latest = useRef({ drop, putBack, pickUp, held });
  useLayoutEffect(() => {
    latest.current = { drop, putBack, pickUp, held };
  });

  useEffect(() => {
    if (!enabled) return;
    const onMovePointer = (event: globalThis.PointerEvent) => {
      const press = pressed.current;
      const current = latest.current.held;
      if (press && !current) {
        if (Math.hypot(event.clientX - press.x, event.clientY - press.y) < DRAG_THRESHOLD_PX) return;
        pressed.current = null;
        // The release then reaches the grid even outside the window, so the drag always ends.
        tableRef.current?.setPointerCapture(event.pointerId);
        latest.current.pickUp(press.slot, 'pointer', press.cell);
        return;
      }
      if (current?.by !== 'pointer') return;
      scrollNearEdge(tableRef.current?.parentElement, event.clientY);
      const under = cellUnder(tableRef.current, event.clientX, event.clientY);
      setHeld((old) => (old && old.pointerTarget !== under.pointerTarget ? { ...old, ...under } : old));
    };
    const onUp = () => {
      pressed.current = null;
      if (latest.current.held?.by !== 'pointer') return;
      swallowNextClick();
      latest.current.drop();
    };
    const onCancel = () => {
      pressed.current = null;
      if (latest.current.held?.by === 'pointer') latest.current.putBack();
    };
    // Keys and presses inside the grid are its own handlers'; outside it they end a note, and
    // Escape ends a mouse drag wherever focus is.
    const outside = (event: Event) => !(event.target instanceof Node && tableRef.current?.contains(event.target));
    const onOutsideKey = (event: globalThis.KeyboardEvent) => {
      if (!outside(event)) return;
      setMessage(null);
      if (event.key === 'Escape' && latest.current.held?.by === 'pointer') {
        event.preventDefault();
        latest.current.putBack();
      }
    };
    const onOutsidePress = (event: globalThis.PointerEvent) => {
      if (outside(event)) setMessage(null);
    };
    document.addEventListener('pointermove', onMovePointer);
    document.addEventListener('pointerup', onUp);
    document.addEventListener('pointercancel', onCancel);
    document.addEventListener('keydown', onOutsideKey);
    document.addEventListener('pointerdown', onOutsidePress);
    return () => {
      document.removeEventListener('pointermove', onMovePointer);
      document.removeEventListener('pointerup', onUp);
      document.removeEventListener('pointercancel', onCancel);
      document.removeEventListener('keydown', onOutsideKey);
      document.removeEventListener('pointerdown', onOutsidePress);
    };
  }, [enabled, tableRef]);

  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (!enabled || event.button !== 0 || event.pointerType === 'touch') return;
    setMessage(null);
    const cell = (event.target as Element).closest<HTMLElement>('[data-cell]')?.dataset.cell;
    const position = cell === undefined ? undefined : positions.get(cell);
    const slot = position ? slotAt(model, position) : null;
    pressed.current =
      cell !== undefined && slot && isMovable(slot) ? { x: event.clientX, y: event.clientY, cell, slot } : null;
  };

  /** The grid's keys while dragging (and M to pick up); true when the key was the drag's. */
  const onKeyDown = (event: KeyboardEvent<HTMLElement>): boolean => {
    if (!enabled || event.altKey || event.ctrlKey || event.metaKey) return false;
    if (message) setMessage(null);
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (!held) {
      if (key !== 'm' || !active) return false;
      event.preventDefault();
      const slot = slotAt(model, active);
      if (!slot) return true;
      const why = whyNotPickUp(slot);
      if (why) setMessage({ cellId: cellId(model, active), text: why, refused: true });
      else pickUp(slot, 'keyboard', null);
      return true;
    }
    const own = HELD_KEYS.has(key);
    if (own) event.preventDefault();
    if (key === 'Enter' && held.by === 'keyboard') drop();
    else if (key === 'Escape') putBack();
    // While a pointer drags, no key moves the grid's focus either.
    return own || held.by === 'pointer';
  };

  const markOf = (position: GridPosition, slot: SlotView): DragMark | undefined => {
    const id = cellId(model, position);
    if (held && slot.availabilityId === held.source.availabilityId) return 'source';
    if (held && id === targetCell && verdict) return verdict.kind === 'refused' ? 'refused' : 'target';
    if (!held && message?.refused && message.cellId === id) return 'refused';
    return undefined;
  };

  const showing: Message | null =
    held && targetCell !== null && verdict && verdict.kind !== 'same'
      ? { cellId: targetCell, ...noteFor(verdict, held.patientName) }
      : message;
  const note: DropNote | null = showing?.cellId ? { ...showing, cellId: showing.cellId } : null;
  const announcement = showing?.text ?? (held ? strings.pickedUp(held.patientName) : '');

  return {
    enabled,
    dragging: held !== null,
    onKeyDown,
    onPointerDown,
    /** A cell whose appointment can be picked up (drawn with a grab cursor). */
    movable: (slot: SlotView) => enabled && isMovable(slot),
    markOf,
    note,
    announcement,
  };
}
