import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { BoardAppointment } from '#contract/front-desk.ts';
import { call } from '../../api/client.ts';
import { deskKeys } from './desk-api.ts';

// The flow board reads today page by page: a big clinic's 13,000 appointments arrive as the
// rows come into view, never all at once.

/** Appointments per board read: a few screenfuls, so scrolling rarely waits for the next page. */
export const BOARD_PAGE_SIZE = 100;

const boardPageQuery = (doctorId: number | null, page: number) => ({
  queryKey: deskKeys.board(doctorId, page),
  queryFn: () =>
    call('appointments.board', {
      offset: page * BOARD_PAGE_SIZE,
      limit: BOARD_PAGE_SIZE,
      ...(doctorId === null ? {} : { doctorId }),
    }),
});

/**
 * The first page of today's board (the clinic's today, from main), with the whole day's counts.
 * While another doctor's board loads, the last one stays on screen.
 */
export function useBoard(doctorId: number | null) {
  return useQuery({ ...boardPageQuery(doctorId, 0), placeholderData: keepPreviousData });
}

/**
 * The rows from `first` to `last` (row numbers of the whole day), read page by page as they come
 * into view; a row whose page is still on its way is undefined.
 */
export function useBoardRows(
  doctorId: number | null,
  first: number,
  last: number,
): (index: number) => BoardAppointment | undefined {
  const firstPage = Math.floor(first / BOARD_PAGE_SIZE);
  const lastPage = Math.max(firstPage, Math.floor(last / BOARD_PAGE_SIZE));
  const pages = Array.from({ length: lastPage - firstPage + 1 }, (_, i) => firstPage + i);
  const loaded = useQueries({ queries: pages.map((page) => boardPageQuery(doctorId, page)) }).map((r) => r.data);
  return (index) => {
    const data = loaded[Math.floor(index / BOARD_PAGE_SIZE) - firstPage];
    return data?.appointments[index - data.offset];
  };
}
