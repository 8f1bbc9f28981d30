import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { ChannelInput, ChannelOutput } from '#contract/index.ts';
import type { UnreadTotals } from '#contract/messages.ts';
import { call } from '../../api/client.ts';
import { useClinicEvent } from '../../api/events.ts';
import { useSession } from '../../api/session.ts';

export type ThreadFilter = Omit<ChannelInput<'messages.threads'>, 'cursor'>;
export type MessagePage = ChannelOutput<'messages.page'>;

const PAGE_SIZE = 50;

/** Query keys of messaging: everything under one root, so a catch-up refetches it all. */
export const messageKeys = {
  all: ['messages'] as const,
  threads: (filter: ThreadFilter) => ['messages', 'threads', filter] as const,
  thread: (chatId: number) => ['messages', 'thread', chatId] as const,
  pages: (chatId: number) => ['messages', 'pages', chatId] as const,
  unread: ['messages', 'unread'] as const,
  search: (query: string) => ['messages', 'search', query] as const,
};

export function useThreads(filter: ThreadFilter) {
  return useInfiniteQuery({
    queryKey: messageKeys.threads(filter),
    queryFn: ({ pageParam }) => call('messages.threads', { ...filter, cursor: pageParam }),
    initialPageParam: undefined as ChannelInput<'messages.threads'>['cursor'],
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useThread(chatId: number | null) {
  return useQuery({
    queryKey: messageKeys.thread(chatId ?? 0),
    queryFn: () => call('messages.thread', { chatId: chatId ?? 0 }),
    enabled: chatId !== null,
  });
}

export function useUnreadTotals() {
  return useQuery({ queryKey: messageKeys.unread, queryFn: () => call('messages.unreadTotals', {}) });
}

export function useMessageSearch(query: string) {
  const trimmed = query.trim();
  return useQuery({
    queryKey: messageKeys.search(trimmed),
    queryFn: () => call('messages.search', { query: trimmed }),
    enabled: trimmed.length >= 2,
  });
}

/** A thread's messages, newest page first; older pages load with fetchNextPage. */
export function useMessagePages(chatId: number | null) {
  return useInfiniteQuery({
    queryKey: messageKeys.pages(chatId ?? 0),
    queryFn: ({ pageParam }) => call('messages.page', { chatId: chatId ?? 0, before: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.hasMore ? last.messages.at(-1)?.messageId : undefined),
    enabled: chatId !== null,
    staleTime: Infinity,
  });
}

/** Puts the newest messages of a thread into its cached pages without refetching the older ones. */
export function useMergeNewest(): (chatId: number) => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(
    async (chatId: number) => {
      const key = messageKeys.pages(chatId);
      if (!queryClient.getQueryData(key)) return;
      const latest = await call('messages.page', { chatId, limit: PAGE_SIZE });
      queryClient.setQueryData<InfiniteData<MessagePage, number | undefined>>(key, (old) => {
        if (!old) return old;
        const known = new Set(old.pages.flatMap((p) => p.messages.map((m) => m.messageId)));
        const fresh = latest.messages.filter((m) => !known.has(m.messageId));
        if (fresh.length === 0) return old;
        const [first, ...rest] = old.pages;
        const merged = { ...(first ?? { hasMore: false }), messages: [...fresh, ...(first?.messages ?? [])] };
        return { ...old, pages: [merged, ...rest] };
      });
    },
    [queryClient],
  );
}

export function useSetUnreadTotals(): (totals: UnreadTotals) => void {
  const queryClient = useQueryClient();
  return useCallback(
    (totals: UnreadTotals) => {
      queryClient.setQueryData(messageKeys.unread, totals);
      void queryClient.invalidateQueries({ queryKey: ['messages', 'threads'] });
      void queryClient.invalidateQueries({ queryKey: ['messages', 'thread'] });
    },
    [queryClient],
  );
}

/**
 * Live delivery: a message sent at another desk appears here and the badges move; a read at
 * another of this user's windows clears the badge. After the screen unlocks (events are not sent
 * to a locked window) everything of messaging is fetched again: the catch-up.
 */
export function useMessagesLiveUpdates(): void {
  const queryClient = useQueryClient();
  const mergeNewest = useMergeNewest();
  const refreshLists = () => {
    void queryClient.invalidateQueries({ queryKey: messageKeys.unread });
    void queryClient.invalidateQueries({ queryKey: ['messages', 'threads'] });
    void queryClient.invalidateQueries({ queryKey: ['messages', 'thread'] });
  };
  useClinicEvent('message.sent', ({ chatId }) => {
    void mergeNewest(chatId);
    refreshLists();
  });
  useClinicEvent('message.read', refreshLists);

  const locked = useSession().data?.locked ?? false;
  const wasLocked = useRef(locked);
  useEffect(() => {
    if (wasLocked.current && !locked) void queryClient.invalidateQueries({ queryKey: messageKeys.all });
    wasLocked.current = locked;
  }, [locked, queryClient]);
}
