import { Anchor, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useState, type MouseEvent } from 'react';
import { splitLinks } from './linkify.ts';
import { messagesStrings } from './strings.ts';

const strings = messagesStrings.link;

/**
 * A message's text as React text nodes only (never HTML), newlines kept. Web addresses are shown
 * as links, but a click never navigates: it asks first and offers to copy the address.
 */
export function MessageText({ text }: { text: string }) {
  const [asking, setAsking] = useState<string | null>(null);
  const clipboard = useClipboard({ timeout: 2000 });
  const ask = (event: MouseEvent<HTMLAnchorElement>, url: string) => {
    event.preventDefault();
    setAsking(url);
  };
  return (
    <>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-message-text>
        {splitLinks(text).map((part, index) =>
          part.kind === 'text' ? (
            part.text
          ) : (
            <Anchor
              key={index}
              href={part.url}
              rel="noreferrer noopener"
              target="_blank"
              aria-label={strings.hint(part.url)}
              onClick={(event) => ask(event, part.url)}
              onAuxClick={(event) => ask(event, part.url)}
            >
              {part.text}
            </Anchor>
          ),
        )}
      </Text>
      <Modal opened={asking !== null} onClose={() => setAsking(null)} title={strings.title} centered>
        <Stack>
          <Text size="sm">{strings.body}</Text>
          <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {asking}
          </Code>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(null)}>
              {strings.close}
            </Button>
            <Button data-autofocus onClick={() => clipboard.copy(asking ?? '')}>
              {clipboard.copied ? strings.copied : strings.copy}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
