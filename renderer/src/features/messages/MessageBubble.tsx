import { Group, Paper, Text } from '@mantine/core';
import type { ChatMessage } from '#contract/messages.ts';
import { MessageText } from './MessageText.tsx';
import { messagesStrings } from './strings.ts';

const strings = messagesStrings.thread;

/** One message: who sent it (their role), when, and the text as text. */
export function MessageBubble({ message, mine, sentAt }: { message: ChatMessage; mine: boolean; sentAt: string }) {
  return (
    <Paper
      withBorder
      p="xs"
      radius="md"
      maw="85%"
      ml={mine ? 'auto' : 0}
      bg={mine ? 'var(--mantine-primary-color-light)' : undefined}
      data-message-id={message.messageId}
    >
      <Group gap={6} justify="space-between" wrap="nowrap" mb={2}>
        <Text size="xs" fw={700} truncate>
          {mine ? strings.you : message.senderName}
          <Text span size="xs" c="dimmed" fw={400}>
            {' · '}
            {strings.roles[message.senderRole] ?? message.senderRole}
          </Text>
        </Text>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          <time dateTime={message.sentAt}>{sentAt}</time>
        </Text>
      </Group>
      <MessageText text={message.text} />
    </Paper>
  );
}
