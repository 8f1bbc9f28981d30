import { useLayoutEffect, useState, type RefObject } from 'react';
import { DAY_PAGE_MAX } from '#contract/schedule.ts';
import { COLUMN_MIN_WIDTH, TIME_COLUMN_WIDTH } from './grid/ScheduleGrid.tsx';

/** Used until the width is known (and where nothing is laid out, as in tests). */
export const DEFAULT_PAGE_SIZE = 6;

export const columnsThatFit = (width: number): number =>
  width > 0
    ? Math.min(DAY_PAGE_MAX, Math.max(1, Math.floor((width - TIME_COLUMN_WIDTH - 2) / COLUMN_MIN_WIDTH)))
    : DEFAULT_PAGE_SIZE;

/**
 * How many doctor columns fit beside the time column at the element's width, kept up to date
 * as the window resizes; null until first measured, so the first read asks for the right page.
 */
export function usePageSize(ref: RefObject<HTMLElement | null>): number | null {
  const [size, setSize] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const fit = () => setSize(columnsThatFit(element.clientWidth));
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
