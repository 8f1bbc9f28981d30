import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DatabaseChoice } from '#contract/connection.ts';
import { createFakeClinic, type Handlers } from './support/fake-clinic.ts';
import { fail, ok } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// First run, step one: where the clinic's data lives. Keyboard through the choice, the server
// form's errors under the field they belong to, the test result in words, and where each
// answer leads (the clinic form on the server, or sign-in when the server already has a clinic).

const local: DatabaseChoice = { mode: 'local', fixedByEnvironment: false, canChoose: true, server: null };

function clinicWith(handlers: Handlers, choice: DatabaseChoice = local) {
  return createFakeClinic({
    session: null,
    handlers: {
      'setup.status': () => ok({ needsSetup: true, clinicName: null }),
      'setup.database': () => ok(choice),
      ...handlers,
    },
  });
}

async function chooseServer(user: ReturnType<typeof renderApp>['user']) {
  const thisComputer = await screen.findByRole('radio', { name: /This computer only/ });
  expect(thisComputer).toHaveFocus();
  expect(thisComputer).toBeChecked();
  await user.keyboard('{ArrowDown}');
  const server = screen.getByRole('radio', { name: /Clinic server/ });
  expect(server).toBeChecked();
  expect(server).toHaveFocus();
}

/** Fills the server form by keyboard only: Tab from the radio through every field. */
async function typeServer(user: ReturnType<typeof renderApp>['user'], password = 'server-password') {
  await user.tab();
  expect(screen.getByLabelText('Server name or address')).toHaveFocus();
  await user.keyboard('db.clinic.local');
  await user.tab();
  expect(screen.getByLabelText('Port')).toHaveValue('5432');
  await user.tab();
  expect(screen.getByLabelText('Database')).toHaveFocus();
  await user.tab();
  expect(screen.getByLabelText('Database user')).toHaveFocus();
  await user.tab();
  expect(screen.getByLabelText('Password')).toHaveFocus();
  await user.keyboard(password);
}

describe('where the clinic’s data lives', () => {
  it('goes on to today’s form for this computer only', async () => {
    const clinic = clinicWith({});
    const { user } = renderApp(clinic);
    expect(await screen.findByRole('radio', { name: /This computer only/ })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Continue' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByLabelText('Clinic name')).toHaveFocus();
    expect(screen.getByText('Data: on this computer only.')).toBeInTheDocument();
    expect(clinic.callsTo('setup.testServer')).toHaveLength(0);
  });

  it('shows field errors under the field, from the form and from main, and the test result', async () => {
    let answer: 'password' | 'ok' = 'password';
    const clinic = clinicWith({
      'setup.testServer': () =>
        answer === 'password'
          ? fail('VALIDATION', 'The server refused this password for user clinic. Check the password.', {
              password: 'The server refused this password for user clinic. Check the password.',
            })
          : ok({ version: '16.4', state: 'empty', clinicName: null }),
    });
    const { user } = renderApp(clinic);
    await chooseServer(user);

    // Nothing typed yet: the form's own rules, each under its field.
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    const host = screen.getByLabelText('Server name or address');
    await waitFor(() => expect(host).toHaveAttribute('aria-invalid', 'true'));
    expect(host).toHaveAccessibleDescription(expect.stringContaining('Enter the server’s name or IP address.'));
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      expect.stringContaining('Enter the database user’s password.'),
    );
    expect(clinic.callsTo('setup.testServer')).toHaveLength(0);

    await user.clear(screen.getByLabelText('Port'));
    await user.type(screen.getByLabelText('Port'), '99999');
    await user.click(host);
    await user.keyboard('postgres://db.clinic.local');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() =>
      expect(screen.getByLabelText('Port')).toHaveAccessibleDescription(expect.stringContaining('1 to 65535')),
    );
    expect(host).toHaveAccessibleDescription(expect.stringContaining('no postgres://'));

    await user.clear(host);
    await user.type(host, 'db.clinic.local');
    await user.clear(screen.getByLabelText('Port'));
    await user.type(screen.getByLabelText('Port'), '5432');
    await user.type(screen.getByLabelText('Password'), 'wrong-password');
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    // main's answer lands under Password, which gets the focus.
    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(password).toHaveAccessibleDescription(expect.stringContaining('refused this password')));
    expect(password).toHaveFocus();
    expect(clinic.callsTo('setup.testServer')).toEqual([
      {
        host: 'db.clinic.local',
        port: 5432,
        database: 'clinic',
        user: 'clinic',
        password: 'wrong-password',
        tls: true,
      },
    ]);

    answer = 'ok';
    await user.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Connected to PostgreSQL 16.4 — the database is empty.',
    );
    // Changing a detail makes the result stale: it goes.
    await user.type(screen.getByLabelText('Database'), '2');
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('uses an empty server by keyboard and goes on to the clinic form there', async () => {
    const onServer: DatabaseChoice = {
      mode: 'server',
      fixedByEnvironment: false,
      canChoose: true,
      server: { host: 'db.clinic.local', port: 5432, database: 'clinic', user: 'clinic', tls: false },
    };
    let used = false;
    const clinic = clinicWith({
      'setup.database': () => ok(used ? onServer : local),
      'setup.useServer': () => {
        used = true;
        return ok({ needsSetup: true, clinicName: null, passwordKept: false });
      },
    });
    const { user } = renderApp(clinic);
    await chooseServer(user);
    await typeServer(user);
    await user.tab();
    expect(screen.getByRole('checkbox', { name: /Encrypt the connection/ })).toBeChecked();
    await user.keyboard(' ');
    expect(screen.getByRole('checkbox', { name: /Encrypt the connection/ })).not.toBeChecked();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Test connection' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Use this server' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByLabelText('Clinic name')).toHaveFocus();
    expect(clinic.callsTo('setup.useServer')).toEqual([
      expect.objectContaining({ password: 'server-password', tls: false }),
    ]);
    expect(screen.getByText('Data: on the clinic server clinic @ db.clinic.local:5432.')).toBeInTheDocument();
    expect(screen.getByText(/no safe place to keep the password/)).toBeInTheDocument();
  });

  it('goes to sign-in when the server already holds a clinic', async () => {
    const clinic = clinicWith({
      'setup.useServer': () => ok({ needsSetup: false, clinicName: 'Hillside Clinic', passwordKept: true }),
    });
    const { user } = renderApp(clinic);
    await chooseServer(user);
    await typeServer(user);
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText('Hillside Clinic')).toBeInTheDocument();
  });

  it('goes back to this computer from a server chosen before (Change)', async () => {
    const remembered = { host: 'db.clinic.local', port: 5432, database: 'clinic', user: 'clinic', tls: true };
    let mode: 'local' | 'server' = 'server';
    const clinic = clinicWith({
      'setup.database': () => ok({ ...local, mode, server: mode === 'server' ? remembered : null }),
      'setup.useLocal': () => {
        mode = 'local';
        return ok({ needsSetup: true, clinicName: null });
      },
    });
    const { user } = renderApp(clinic);
    expect(await screen.findByText('Data: on the clinic server clinic @ db.clinic.local:5432.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Change' }));
    const server = await screen.findByRole('radio', { name: /Clinic server/ });
    expect(server).toBeChecked();
    expect(server).toHaveFocus();
    expect(screen.getByLabelText('Server name or address')).toHaveValue('db.clinic.local');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('radio', { name: /This computer only/ })).toBeChecked();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Data: on this computer only.')).toBeInTheDocument();
    expect(screen.getByLabelText('Clinic name')).toHaveFocus();
    expect(clinic.callsTo('setup.useLocal')).toHaveLength(1);
  });

  it('asks for the password again when the server is remembered without it', async () => {
    const remembered = { host: '192.168.1.20', port: 5433, database: 'clinic', user: 'desk', tls: false };
    const clinic = clinicWith({}, { ...local, server: remembered });
    renderApp(clinic);
    const server = await screen.findByRole('radio', { name: /Clinic server/ });
    expect(server).toBeChecked();
    expect(server).toHaveFocus();
    expect(screen.getByLabelText('Server name or address')).toHaveValue('192.168.1.20');
    expect(screen.getByLabelText('Port')).toHaveValue('5433');
    expect(screen.getByLabelText('Database user')).toHaveValue('desk');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByRole('checkbox', { name: /Encrypt the connection/ })).not.toBeChecked();
  });

  it('offers no choice when CLINIC_DATABASE_URL sets the server', async () => {
    const clinic = clinicWith(
      {},
      {
        mode: 'server',
        fixedByEnvironment: true,
        canChoose: false,
        server: { host: '10.0.0.5', port: 5433, database: 'clinic', user: 'desk', tls: true },
      },
    );
    renderApp(clinic);
    expect(await screen.findByLabelText('Clinic name')).toHaveFocus();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(
      screen.getByText('Data: Clinic server (set by CLINIC_DATABASE_URL) — clinic @ 10.0.0.5:5433.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Change' })).not.toBeInTheDocument();
  });
});
