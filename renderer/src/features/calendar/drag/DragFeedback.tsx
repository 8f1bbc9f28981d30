import './drag.css';
import { VisuallyHidden } from '@mantine/core';
import { useLayoutEffect, useState, type RefObject } from 'react';
import type { DropNote } from './use-slot-drag.ts';

const GAP = 4;

/**
 * What a drag says: beside the target cell in words (where it would go, or why it cannot, drawn
 * above the cell so the grid's own hint under it stays readable), and to screen readers.
 */
export function DragFeedback({
  tableRef,
  note,
  announcement,
}: {
  tableRef: RefObject<HTMLTableElement | null>;
  note: DropNote | null;
  announcement: string;
}) {
  const [box, setBox] = useState<{ top: number; left: number } | null>(null);
  const cell = note?.cellId ?? null;
  useLayoutEffect(() => {
    const table = tableRef.current;
    const element = cell === null ? null : table?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(cell)}"]`);
    if (!element) {
      setBox(null);
      return;
    }
    const follow = () => {
      const rect = element.getBoundingClientRect();
      setBox({ top: rect.top - GAP, left: rect.left });
    };
    follow();
    const scroller = table?.parentElement;
    scroller?.addEventListener('scroll', follow, { passive: true });
    return () => scroller?.removeEventListener('scroll', follow);
  }, [tableRef, cell]);
  return (
    <>
      {note && box ? (
        <div
          className="cd-drop-note"
          data-refused={note.refused || undefined}
          style={{ top: box.top, left: box.left }}
          aria-hidden
        >
          {note.text}
        </div>
      ) : null}
      <VisuallyHidden role="status" aria-live="polite">
        {announcement}
      </VisuallyHidden>
    </>
  );
}
