import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { splitLinks } from '../../renderer/src/features/messages/linkify.ts';
import { MessageBubble } from '../../renderer/src/features/messages/MessageBubble.tsx';
import { MessageText } from '../../renderer/src/features/messages/MessageText.tsx';
import { XSS_PAYLOADS } from './support/xss-corpus.ts';

// Messages are text: the XSS corpus renders inert, links are shown but never followed by a click.

declare global {
  interface Window {
    __xss?: unknown;
  }
}

afterEach(() => {
  delete window.__xss;
});

const renderText = (text: string) =>
  render(
    <MantineProvider>
      <MessageText text={text} />
    </MantineProvider>,
  );

describe('message text', () => {
  it.each(XSS_PAYLOADS.map((payload, index) => [index + 1, payload]))(
    'renders payload %i as its literal text, with no element injected',
    (_index, payload) => {
      const { container } = renderText(payload);
      const text = container.querySelector('[data-message-text]');
      expect(text?.textContent).toBe(payload);
      // Only text nodes and plain http(s) links inside the message.
      for (const node of text?.childNodes ?? []) {
        expect(node.nodeType === Node.TEXT_NODE || node.nodeName === 'A').toBe(true);
      }
      expect(
        container.querySelector('script, img, svg, iframe, math, b, [onerror], [onload], [onmouseover]'),
      ).toBeNull();
      for (const link of container.querySelectorAll('a')) {
        expect(link.getAttribute('href')).toMatch(/^https?:\/\//);
      }
      expect(window.__xss).toBeUndefined();
    },
  );

  it('keeps newlines as text (pre-wrap), not <br> or paragraphs', () => {
    const { container } = renderText('Line one\nLine two\n\nLine four');
    const text = container.querySelector<HTMLElement>('[data-message-text]');
    expect(text?.textContent).toBe('Line one\nLine two\n\nLine four');
    expect(text?.style.whiteSpace).toBe('pre-wrap');
    expect(container.querySelector('br, p p')).toBeNull();
  });

  it('makes links of http and https addresses only', () => {
    expect(splitLinks('See https://example.org/a?b=1, then http://x.test.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.org/a?b=1', url: 'https://example.org/a?b=1' },
      { kind: 'text', text: ', then ' },
      { kind: 'link', text: 'http://x.test', url: 'http://x.test/' },
      { kind: 'text', text: '.' },
    ]);
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,hi',
      'file:///etc/passwd',
      'vbscript:x',
      'ftp://x.test',
      'https://',
    ]) {
      expect(splitLinks(text)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('does not follow a link on click: it asks, shows the address and offers to copy it', async () => {
    const user = userEvent.setup();
    renderText('Results: https://lab.example.org/r/42 thanks');
    const link = screen.getByRole('link', { name: /lab\.example\.org/ });
    let followed = true;
    // Runs after React's own (delegated) click handler: would the browser follow the link?
    document.addEventListener(
      'click',
      (event) => {
        followed = !event.defaultPrevented;
      },
      { once: true },
    );
    await user.click(link);
    expect(followed).toBe(false);
    const dialog = await screen.findByRole('dialog', { name: 'Open this link in your browser?' });
    expect(within(dialog).getByText('https://lab.example.org/r/42')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(window.location.href).not.toContain('lab.example.org');
  });

  it('shows the sender, their role and the time on each message', () => {
    render(
      <MantineProvider>
        <MessageBubble
          message={{
            messageId: 1,
            chatId: 1,
            senderId: 7,
            senderName: '<b>Dr Evil</b>',
            senderRole: 'doctor',
            text: 'Hello',
            sentAt: '2026-03-02T09:00:00.000Z',
          }}
          mine={false}
          sentAt="Mon 2 Mar, 09:00"
        />
      </MantineProvider>,
    );
    expect(screen.getByText('<b>Dr Evil</b>')).toBeInTheDocument();
    expect(screen.getByText(/Doctor/)).toBeInTheDocument();
    expect(screen.getByText('Mon 2 Mar, 09:00')).toBeInTheDocument();
  });
});
