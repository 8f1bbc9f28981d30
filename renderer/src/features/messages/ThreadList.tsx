import {
  Badge,
  Button,
  Group,
  Select,
  Skeleton,
  Stack,
  Switch,
  Text,
  TextInput,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { Thread } from '#contract/messages.ts';
import { messageOf } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useDoctorList } from '../../api/schedule.ts';
import { useMessageSearch, useThreads, type ThreadFilter } from './messages-api.ts';
import { messagesStrings } from './strings.ts';
import { useShortInstant } from './use-short-instant.ts';

const strings = messagesStrings.list;

function ThreadRow({ thread, selected, onOpen }: { thread: Thread; selected: boolean; onOpen: () => void }) {
  const when = useShortInstant();
  const unread = thread.unreadCount > 0;
  return (
    <UnstyledButton
      onClick={onOpen}
      aria-current={selected ? 'true' : undefined}
      p="xs"
      style={{
        display: 'block',
        width: '100%',
        borderRadius: 'var(--mantine-radius-sm)',
        background: selected ? 'var(--mantine-primary-color-light)' : undefined,
      }}
      data-chat-id={thread.chatId}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" fw={unread ? 700 : 500} truncate>
          {thread.patientName}
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {when(thread.updatedAt)}
        </Text>
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed" truncate>
          {thread.doctorName} · {thread.lastMessage ?? strings.noMessagesYet}
        </Text>
        {unread ? (
          <Badge size="sm" circle={thread.unreadCount < 10} style={{ flexShrink: 0 }}>
            <span aria-hidden>{thread.unreadCount}</span>
            <VisuallyHidden>{strings.unread(thread.unreadCount)}</VisuallyHidden>
          </Badge>
        ) : null}
      </Group>
    </UnstyledButton>
  );
}

function MessageHits({ query, onOpen }: { query: string; onOpen: (chatId: number) => void }) {
  const hits = useMessageSearch(query);
  if (query.trim().length < 2 || !hits.data) return null;
  return (
    <Stack gap={2} component="section" aria-label={messagesStrings.search.results}>
      <Text size="xs" fw={700} c="dimmed" px="xs" pt="xs">
        {messagesStrings.search.results}
      </Text>
      {hits.data.length === 0 ? (
        <Text size="xs" c="dimmed" px="xs">
          {messagesStrings.search.none}
        </Text>
      ) : (
        hits.data.map((hit) => (
          <UnstyledButton key={hit.messageId} onClick={() => onOpen(hit.chatId)} p="xs">
            <Text size="xs" fw={600} truncate>
              {messagesStrings.search.hit(hit.senderName, hit.doctorName, hit.patientName)}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {hit.snippet}
            </Text>
          </UnstyledButton>
        ))
      )}
    </Stack>
  );
}

interface ThreadListProps {
  selectedId: number | null;
  onOpen: (chatId: number) => void;
  /** Doctors see only their own threads: no doctor filter for them. */
  showDoctorFilter: boolean;
}

/** Threads newest first with unread badges; filter by doctor, unread and text; search within messages. */
export function ThreadList({ selectedId, onOpen, showDoctorFilter }: ThreadListProps) {
  const [text, setText] = useState('');
  const [doctorId, setDoctorId] = useState<string | null>(null);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [query] = useDebouncedValue(text.trim(), 250);
  const doctors = useDoctorList();
  const filter: ThreadFilter = {
    ...(query ? { query } : {}),
    ...(doctorId ? { doctorId: Number(doctorId) } : {}),
    ...(unreadOnly ? { unreadOnly: true } : {}),
  };
  const threads = useThreads(filter);
  const list = threads.data?.pages.flatMap((p) => p.threads) ?? [];
  const filtered = query !== '' || doctorId !== null || unreadOnly;

  return (
    <Stack gap="xs" h="100%" style={{ minHeight: 0 }}>
      <Stack gap={6} role="group" aria-label={strings.filters}>
        <TextInput
          aria-label={strings.search}
          placeholder={strings.searchPlaceholder}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <Group gap="xs" wrap="nowrap">
          {showDoctorFilter ? (
            <Select
              aria-label={strings.doctor}
              placeholder={strings.anyDoctor}
              data={(doctors.data ?? []).map((d) => ({ value: String(d.doctorId), label: d.name }))}
              value={doctorId}
              onChange={setDoctorId}
              clearable
              searchable
              style={{ flex: 1 }}
            />
          ) : null}
          <Switch
            label={strings.unreadOnly}
            checked={unreadOnly}
            onChange={(event) => setUnreadOnly(event.currentTarget.checked)}
          />
        </Group>
      </Stack>
      <Stack gap={2} component="nav" aria-label={strings.label} style={{ flex: 1, minHeight: 0, overflowY: 'auto' }}>
        {threads.isError ? (
          <FormAlert title={strings.loadFailed}>{messageOf(threads.error)}</FormAlert>
        ) : !threads.data ? (
          [1, 2, 3, 4].map((n) => <Skeleton key={n} height={52} />)
        ) : list.length === 0 ? (
          <Text size="sm" c="dimmed" p="xs">
            {filtered ? strings.emptyFiltered : strings.empty}
          </Text>
        ) : (
          list.map((thread) => (
            <ThreadRow
              key={thread.chatId}
              thread={thread}
              selected={thread.chatId === selectedId}
              onOpen={() => onOpen(thread.chatId)}
            />
          ))
        )}
        {threads.hasNextPage ? (
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => void threads.fetchNextPage()}
            loading={threads.isFetchingNextPage}
          >
            {strings.loadMore}
          </Button>
        ) : null}
        <MessageHits query={query} onOpen={onOpen} />
      </Stack>
    </Stack>
  );
}
