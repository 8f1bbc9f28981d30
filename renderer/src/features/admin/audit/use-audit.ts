import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AuditFilters } from '#contract/operations.ts';
import { call } from '../../../api/client.ts';

const PAGE = 200;

export function useAuditFacets() {
  return useQuery({ queryKey: ['audit', 'facets'], queryFn: () => call('audit.facets', {}) });
}

/** The audit trail a page at a time (keyset cursor from main), newest first. */
export function useAuditPages(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', 'list', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      call('audit.list', { filters, limit: PAGE, ...(pageParam === undefined ? {} : { cursor: pageParam }) }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
