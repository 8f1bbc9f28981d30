import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeClinic, PASSWORD } from './support/fake-clinic.ts';
import { sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

describe('lock screen', () => {
  it('keeps what was typed on the screen underneath through lock and unlock', async () => {
    const clinic = createFakeClinic({ session: sessionFor('admin') });
    const { user } = renderApp(clinic, '/admin/users');
    const search = await screen.findByLabelText('Search staff');
    await user.type(search, 'half-typed search');

    clinic.emit('session.changed', { reason: 'locked' });
    const dialog = await screen.findByRole('dialog', { name: 'Screen locked' });
    expect(within(dialog).getByRole('heading', { name: 'Screen locked' })).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Ada Admin');
    await waitFor(() => expect(within(dialog).getByLabelText('Password')).toHaveFocus());

    await user.type(within(dialog).getByLabelText('Password'), 'not my password');
    await user.click(within(dialog).getByRole('button', { name: 'Unlock' }));
    expect(await within(dialog).findByText('That password is not right.')).toBeInTheDocument();

    await user.clear(within(dialog).getByLabelText('Password'));
    await user.type(within(dialog).getByLabelText('Password'), PASSWORD);
    await user.click(within(dialog).getByRole('button', { name: 'Unlock' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Screen locked' })).not.toBeInTheDocument());
    expect(screen.getByLabelText('Search staff')).toHaveValue('half-typed search');
  });

  it('locks at once from the top bar and from Ctrl+L', async () => {
    const clinic = createFakeClinic({ session: sessionFor('receptionist') });
    const { user } = renderApp(clinic, '/front-desk');
    await user.click(await screen.findByRole('button', { name: 'Lock screen' }));
    expect(await screen.findByRole('dialog', { name: 'Screen locked' })).toBeInTheDocument();
    expect(clinic.callsTo('auth.lock')).toHaveLength(1);

    await user.type(screen.getByLabelText('Password'), `${PASSWORD}{Enter}`);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Screen locked' })).not.toBeInTheDocument());

    await user.keyboard('{Control>}l{/Control}');
    expect(await screen.findByRole('dialog', { name: 'Screen locked' })).toBeInTheDocument();
    expect(clinic.callsTo('auth.lock')).toHaveLength(2);
  });

  it('shows the lock when a call is refused as SESSION_LOCKED, and signs out from it', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'users.list': () => ({ ok: false, error: { code: 'SESSION_LOCKED', message: 'This screen is locked.' } }),
      },
    });
    const { user } = renderApp(clinic, '/admin/users');
    const dialog = await screen.findByRole('dialog', { name: 'Screen locked' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(clinic.callsTo('auth.signOut')).toHaveLength(1);
  });
});
