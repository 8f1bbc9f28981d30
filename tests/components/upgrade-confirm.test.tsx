import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { upgradeStrings } from '../../renderer/src/features/setup/strings.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { fail, ok } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

const message =
  "This PC runs Clinic desk 2.0.0, newer than the clinic's server (last updated to 1.0.0 by DESK-B on 2026-12-07). Take a fresh backup of the server first; then an administrator confirms the update on this PC.";
const refused = 'That email and password do not match an active administrator.';

describe('a start held for a server update', () => {
  it('shows main’s sentence and the backup advice, refuses a wrong password beside the field, then opens the app', async () => {
    let held = true;
    const clinic = createFakeClinic({
      session: null,
      handlers: {
        'setup.upgradeHold': () => ok(held ? { appVersion: '2.0.0', serverVersion: '1.0.0', message } : null),
        'setup.confirmUpgrade': ({ password }) => {
          if (password !== 'the-admin-password') return fail('INVALID_CREDENTIALS', refused, { password: refused });
          held = false;
          return ok({ done: true as const });
        },
      },
    });
    const { user } = renderApp(clinic);
    expect(await screen.findByRole('heading', { name: upgradeStrings.title })).toBeInTheDocument();
    expect(screen.getByText(message)).toBeInTheDocument();
    expect(screen.getByText(upgradeStrings.backupTitle)).toBeInTheDocument();
    // While held, the window asks main for nothing else.
    expect(clinic.callsTo('setup.status')).toHaveLength(0);

    const email = screen.getByLabelText(upgradeStrings.email);
    expect(email).toHaveFocus();
    await user.type(email, 'ada@clinic.test');
    await user.type(screen.getByLabelText(upgradeStrings.password), 'wrong-password{Enter}');
    // Beside the password field, which takes the focus.
    expect(await screen.findByText(refused)).toBeInTheDocument();
    expect(screen.getByLabelText(upgradeStrings.password)).toHaveFocus();

    await user.clear(screen.getByLabelText(upgradeStrings.password));
    await user.type(screen.getByLabelText(upgradeStrings.password), 'the-admin-password{Enter}');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(clinic.callsTo('setup.confirmUpgrade')).toEqual([
      { email: 'ada@clinic.test', password: 'wrong-password' },
      { email: 'ada@clinic.test', password: 'the-admin-password' },
    ]);
  });
});
