import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChatMessage, Thread } from '#contract/messages.ts';
import { createFakeClinic, type Handlers } from './support/fake-clinic.ts';
import { fail, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// The Messages area over a fake main: keyboard sending, drafts kept on failure, badges, live events.

const thread: Thread = {
  chatId: 5,
  doctorId: 3,
  doctorName: 'Dr Dan',
  patientId: 40,
  patientName: 'Nadia Perera',
  patientNumber: 'P-000040',
  lastMessage: 'Can her 3 pm move to Friday?',
  updatedAt: '2026-03-02T09:00:00.000Z',
  unreadCount: 2,
};

const message = (messageId: number, text: string, senderId = 3): ChatMessage => ({
  messageId,
  chatId: 5,
  senderId,
  senderName: senderId === 3 ? 'Dr Dan' : 'Rita Desk',
  senderRole: senderId === 3 ? 'doctor' : 'receptionist',
  text,
  sentAt: '2026-03-02T09:00:00.000Z',
});

function messagingClinic(overrides: Handlers = {}) {
  let unread = 2;
  const sent: ChatMessage[] = [];
  return createFakeClinic({
    session: sessionFor('receptionist'),
    handlers: {
      'messages.threads': () => ok({ threads: [{ ...thread, unreadCount: unread }], nextCursor: null }),
      'messages.thread': () => ok({ ...thread, unreadCount: unread }),
      'messages.page': () =>
        ok({ messages: [...sent].reverse().concat([message(2, 'Second'), message(1, 'First')]), hasMore: false }),
      'messages.unreadTotals': () =>
        ok({ total: unread, byChat: unread ? ({ '5': unread } as Record<string, number>) : {} }),
      'messages.markRead': () => {
        unread = 0;
        return ok({ total: 0, byChat: {} });
      },
      'messages.send': ({ text }) => {
        const m = message(10 + sent.length, text.trim(), 2);
        sent.push(m);
        return ok(m);
      },
      'doctors.list': () => ok([]),
      ...overrides,
    },
  });
}

describe('messages area', () => {
  it('sends with Enter, starts a new line with Shift+Enter, and clears the draft once sent', async () => {
    const clinic = messagingClinic();
    const { user } = renderApp(clinic, '/messages/5');
    const box = await screen.findByRole('textbox', { name: 'Message' });
    await user.click(box);
    await user.keyboard('Line one{Shift>}{Enter}{/Shift}Line two');
    expect(box).toHaveValue('Line one\nLine two');
    expect(clinic.callsTo('messages.send')).toEqual([]);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(clinic.callsTo('messages.send')).toEqual([{ chatId: 5, text: 'Line one\nLine two' }]));
    await waitFor(() => expect(box).toHaveValue(''));
  });

  it('does not send an empty message, and keeps the draft with main’s sentence when sending fails', async () => {
    const clinic = messagingClinic({
      'messages.send': () =>
        fail('VALIDATION', 'Use at most 4,000 characters.', { text: 'Use at most 4,000 characters.' }),
    });
    const { user } = renderApp(clinic, '/messages/5');
    const box = await screen.findByRole('textbox', { name: 'Message' });
    await user.click(box);
    await user.keyboard('   {Enter}');
    expect(await screen.findByText('Write a message first.')).toBeInTheDocument();
    expect(clinic.callsTo('messages.send')).toEqual([]);
    await user.clear(box);
    await user.keyboard('Please call her back{Enter}');
    expect(await screen.findByText('Use at most 4,000 characters.')).toBeInTheDocument();
    expect(box).toHaveValue('Please call her back');
  });

  it('counts characters near the limit', async () => {
    const clinic = messagingClinic();
    const { user } = renderApp(clinic, '/messages/5');
    const box = await screen.findByRole('textbox', { name: 'Message' });
    await user.clear(box);
    await user.paste('x'.repeat(3990));
    expect(await screen.findByText('10 characters left')).toBeInTheDocument();
    await user.paste('y'.repeat(15));
    expect(await screen.findByText('5 characters too many')).toBeInTheDocument();
  });

  it('shows the unread total on the Messages navigation item and clears it when the thread is read', async () => {
    const clinic = messagingClinic();
    renderApp(clinic, '/front-desk');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(await within(nav).findByRole('link', { name: /Messages.*2 unread messages/ })).toBeInTheDocument();
    // Another of this user's windows read the thread: the badge goes.
    await clinic.api.messages.markRead({ chatId: 5, upToMessageId: 2 });
    clinic.emit('message.read', { chatId: 5, userId: 2 });
    await waitFor(() => expect(within(nav).queryByText('2')).not.toBeInTheDocument());
  });

  it('marks the open thread read, and lists threads with their unread badge', async () => {
    const clinic = messagingClinic();
    renderApp(clinic, '/messages/5');
    const list = await screen.findByRole('navigation', { name: 'Conversations' });
    expect(await within(list).findByText('Nadia Perera')).toBeInTheDocument();
    await waitFor(() => expect(clinic.callsTo('messages.markRead')).toEqual([{ chatId: 5, upToMessageId: 2 }]));
  });

  it('fetches the newest messages when another desk sends one', async () => {
    const clinic = messagingClinic();
    renderApp(clinic, '/messages/5');
    await screen.findByRole('textbox', { name: 'Message' });
    await waitFor(() => expect(clinic.callsTo('messages.page').length).toBeGreaterThan(0));
    const before = clinic.callsTo('messages.page').length;
    clinic.emit('message.sent', { chatId: 5, messageId: 3, doctorId: 3, patientId: 40 });
    await waitFor(() => expect(clinic.callsTo('messages.page').length).toBe(before + 1));
    await waitFor(() => expect(clinic.callsTo('messages.unreadTotals').length).toBeGreaterThan(1));
  });
});
