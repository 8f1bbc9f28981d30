import { ActionIcon, Group, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState, type KeyboardEvent, type Ref } from 'react';
import { characterCount, MESSAGE_MAX_LENGTH } from '#contract/messages.ts';
import { isClinicCallError, messageOf } from '../../api/errors.ts';
import { messagesStrings } from './strings.ts';

const strings = messagesStrings.composer;
const SHOW_COUNTER_FROM = MESSAGE_MAX_LENGTH - 500;

// Drafts survive switching threads and leaving the area (not a reload).
const drafts = new Map<number, string>();

interface ComposerProps {
  chatId: number;
  onSend: (text: string) => Promise<unknown>;
  inputRef?: Ref<HTMLTextAreaElement>;
}

/** Enter sends, Shift+Enter starts a new line; the draft is kept when sending fails. */
export function Composer({ chatId, onSend, inputRef }: ComposerProps) {
  const [text, setText] = useState(() => drafts.get(chatId) ?? '');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const count = characterCount(text.trim());
  const left = MESSAGE_MAX_LENGTH - count;

  const update = (value: string) => {
    setText(value);
    drafts.set(chatId, value);
    if (error) setError(null);
  };

  const send = async () => {
    if (sending) return;
    if (count === 0) return setError(strings.empty);
    if (left < 0) return setError(strings.tooLong);
    setSending(true);
    try {
      await onSend(text);
      setText('');
      drafts.delete(chatId);
      setError(null);
    } catch (caught) {
      setError(isClinicCallError(caught) ? (caught.fields.text ?? messageOf(caught)) : strings.failed);
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    void send();
  };

  return (
    <Stack gap={4} p="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Textarea
          ref={inputRef}
          label={strings.label}
          placeholder={strings.placeholder}
          value={text}
          onChange={(event) => update(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          autosize
          minRows={1}
          maxRows={8}
          error={error}
          style={{ flex: 1 }}
          aria-describedby={`composer-hint-${chatId}`}
        />
        <Tooltip label={strings.send}>
          <ActionIcon
            size="lg"
            aria-label={strings.send}
            onClick={() => void send()}
            loading={sending}
            mb={error ? 22 : 0}
          >
            <IconSend size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed" id={`composer-hint-${chatId}`}>
          {strings.hint}
        </Text>
        {count >= SHOW_COUNTER_FROM ? (
          <Text size="xs" c={left < 0 ? 'red' : 'dimmed'} aria-live="polite">
            {strings.remaining(left)}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
