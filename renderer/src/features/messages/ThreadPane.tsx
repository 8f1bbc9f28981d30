import { Anchor, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { Thread } from '#contract/messages.ts';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useViewer } from '../../lib/use-desk-format.ts';
import { Composer } from './Composer.tsx';
import { MessageHistory } from './MessageHistory.tsx';
import { useMergeNewest, useMessagePages, useSetUnreadTotals } from './messages-api.ts';
import { messagesStrings } from './strings.ts';
import { useMarkRead } from './use-mark-read.ts';
import { useShortInstant } from './use-short-instant.ts';

const strings = messagesStrings.thread;

/** The chosen thread: its history (virtualized, older pages on scroll-up) and the composer. */
export function ThreadPane({ thread }: { thread: Thread }) {
  const pages = useMessagePages(thread.chatId);
  const viewer = useViewer();
  const when = useShortInstant();
  const mergeNewest = useMergeNewest();
  const setTotals = useSetUnreadTotals();
  const newestFirst = useMemo(() => pages.data?.pages.flatMap((p) => p.messages) ?? [], [pages.data]);
  const newestId = newestFirst[0]?.messageId ?? 0;
  useMarkRead(thread.chatId, newestId);

  const send = async (text: string) => {
    await call('messages.send', { chatId: thread.chatId, text });
    await mergeNewest(thread.chatId);
    setTotals(await call('messages.unreadTotals', {}));
  };

  const label = strings.history(thread.doctorName, thread.patientName);
  return (
    <Stack gap={0} h="100%" style={{ minHeight: 0 }}>
      <Group
        justify="space-between"
        px="sm"
        py="xs"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <div style={{ minWidth: 0 }}>
          <Title order={2} size="h4" lineClamp={1}>
            {messagesStrings.list.threadLabel(thread.doctorName, thread.patientName)}
          </Title>
          <Text size="xs" c="dimmed">
            {thread.patientNumber}
          </Text>
        </div>
        <Anchor component={Link} to={`/patients/${thread.patientId}`} size="sm">
          {strings.openPatient}
        </Anchor>
      </Group>
      {pages.isError ? (
        <FormAlert title={strings.loadFailed}>{messageOf(pages.error)}</FormAlert>
      ) : !pages.data || !viewer ? (
        <Stack p="sm" aria-busy="true" style={{ flex: 1 }}>
          <Skeleton height={56} width="70%" />
          <Skeleton height={56} width="60%" ml="auto" />
          <Skeleton height={56} width="75%" />
        </Stack>
      ) : (
        <MessageHistory
          newestFirst={newestFirst}
          hasOlder={pages.hasNextPage}
          loadingOlder={pages.isFetchingNextPage}
          onLoadOlder={() => void pages.fetchNextPage()}
          viewerId={viewer.userId}
          formatInstant={when}
          label={label}
        />
      )}
      <Composer key={thread.chatId} chatId={thread.chatId} onSend={send} />
    </Stack>
  );
}
