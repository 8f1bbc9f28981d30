import { Box, Center, Loader, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { ChatMessage } from '#contract/messages.ts';
import { MessageBubble } from './MessageBubble.tsx';
import { messagesStrings } from './strings.ts';

const strings = messagesStrings.thread;
const NEAR_TOP = 120;
const NEAR_BOTTOM = 160;

interface MessageHistoryProps {
  /** Newest first, as the pages come. */
  newestFirst: ChatMessage[];
  hasOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  viewerId: number;
  formatInstant: (iso: string) => string;
  label: string;
}

/**
 * The thread's history, oldest at the top, virtualized (only the rows on screen are in the DOM).
 * Opens at the newest message, follows new ones while the reader is at the bottom, and loads
 * older pages when scrolled to the top without jumping.
 */
export function MessageHistory({
  newestFirst,
  hasOlder,
  loadingOlder,
  onLoadOlder,
  viewerId,
  formatInstant,
  label,
}: MessageHistoryProps) {
  const messages = useMemo(() => [...newestFirst].reverse(), [newestFirst]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const anchor = useRef<{ firstId: number; count: number } | null>(null);
  // The virtualizer re-renders this component itself; nothing here is memoized by a compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 76,
    overscan: 8,
    getItemKey: (index) => messages[index]?.messageId ?? index,
  });

  const newestId = messages.at(-1)?.messageId ?? 0;
  const oldestId = messages[0]?.messageId ?? 0;

  // Older messages arrived above: keep the message that was at the top where it was.
  useLayoutEffect(() => {
    const before = anchor.current;
    if (before && oldestId !== before.firstId) {
      const index = messages.findIndex((m) => m.messageId === before.firstId);
      if (index > 0) virtualizer.scrollToIndex(index, { align: 'start' });
    }
    anchor.current = { firstId: oldestId, count: messages.length };
  }, [oldestId, messages, virtualizer]);

  // A new message (or the first load): go to the bottom if the reader was there.
  useEffect(() => {
    if (messages.length > 0 && atBottom.current) virtualizer.scrollToIndex(messages.length - 1, { align: 'end' });
  }, [newestId, messages.length, virtualizer]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM;
    if (el.scrollTop < NEAR_TOP && hasOlder && !loadingOlder) onLoadOlder();
  };

  const items = virtualizer.getVirtualItems();
  return (
    <Box
      ref={scrollRef}
      onScroll={onScroll}
      role="log"
      aria-label={label}
      aria-live="polite"
      tabIndex={0}
      style={{ flex: 1, minHeight: 0, overflowY: 'auto', overflowAnchor: 'none' }}
      px="sm"
      data-testid="message-history"
    >
      <Center py={6} mih={32}>
        {loadingOlder ? (
          <Loader size="xs" aria-label={strings.loadingOlder} />
        ) : !hasOlder && messages.length > 0 ? (
          <Text size="xs" c="dimmed">
            {strings.beginning}
          </Text>
        ) : null}
      </Center>
      {messages.length === 0 ? (
        <Text c="dimmed" ta="center" py="xl">
          {strings.empty}
        </Text>
      ) : null}
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {items.map((item) => {
          const message = messages[item.index];
          if (!message) return null;
          return (
            <div
              key={item.key}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              <Box py={4}>
                <MessageBubble
                  message={message}
                  mine={message.senderId === viewerId}
                  sentAt={formatInstant(message.sentAt)}
                />
              </Box>
            </div>
          );
        })}
      </div>
    </Box>
  );
}
