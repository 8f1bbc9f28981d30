import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { authStrings } from '../../renderer/src/features/auth/strings.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { fail, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

async function fillAndSubmit(user: ReturnType<typeof renderApp>['user'], email: string, password: string) {
  await user.type(await screen.findByLabelText('Email'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in', () => {
  it('starts with focus on the email field', async () => {
    renderApp(createFakeClinic({ session: null }));
    expect(await screen.findByLabelText('Email')).toHaveFocus();
  });

  it('shows a VALIDATION refusal beside the field it names', async () => {
    const message = 'This email address is not allowed here.';
    const clinic = createFakeClinic({
      session: null,
      handlers: { 'auth.signIn': () => fail('VALIDATION', message, { email: message }) },
    });
    const { user } = renderApp(clinic);
    await fillAndSubmit(user, 'maria@clinic.test', 'whatever-password');

    const email = screen.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(message);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('checks fields before asking main', async () => {
    const clinic = createFakeClinic({ session: null });
    const { user } = renderApp(clinic);
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter an email address like name@example.com.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(clinic.callsTo('auth.signIn')).toHaveLength(0);
  });

  it('explains INVALID_CREDENTIALS in plain words', async () => {
    const { user } = renderApp(createFakeClinic({ session: null }));
    await fillAndSubmit(user, 'maria@clinic.test', 'wrong-password');
    expect(await screen.findByRole('alert')).toHaveTextContent(authStrings.signIn.invalidCredentials);
  });

  it('explains ACCOUNT_LOCKED in plain words', async () => {
    const clinic = createFakeClinic({
      session: null,
      handlers: { 'auth.signIn': () => fail('ACCOUNT_LOCKED', 'Locked.', { lockedUntil: 'not a date' }) },
    });
    const { user } = renderApp(clinic);
    await fillAndSubmit(user, 'maria@clinic.test', 'wrong-password');
    expect(await screen.findByRole('alert')).toHaveTextContent(authStrings.signIn.accountLocked);
  });

  it('opens the app after a successful sign-in', async () => {
    const clinic = createFakeClinic({
      session: null,
      handlers: { 'auth.signIn': () => ok(sessionFor('receptionist')) },
    });
    const { user } = renderApp(clinic);
    await fillAndSubmit(user, 'Rita@Clinic.test ', 'right-password');
    expect(await screen.findByRole('heading', { name: 'Front desk', level: 1 })).toBeInTheDocument();
    expect(clinic.callsTo('auth.signIn')).toEqual([{ email: 'rita@clinic.test', password: 'right-password' }]);
  });
});
