import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usersStrings } from '../../renderer/src/features/admin/users/strings.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { fail, ok, sessionFor, staffUser } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

const DOCTOR_FIELDS = ['Specialization', 'Years of experience', 'Consultation fee', 'Rating', 'About'];
const EMAIL_TAKEN = 'Another account already uses this email address.';

/** Mantine keeps the dropdown in the DOM; jsdom cannot lay it out, so it counts as hidden. */
async function chooseRole(user: ReturnType<typeof renderApp>['user'], dialog: ReturnType<typeof within>, role: string) {
  await user.click(dialog.getByRole('combobox', { name: 'Role' }));
  const listbox = await screen.findByRole('listbox', { name: 'Role', hidden: true });
  await user.click(within(listbox).getByRole('option', { name: role, hidden: true }));
}

async function openNewUser(clinic: ReturnType<typeof createFakeClinic>) {
  const view = renderApp(clinic, '/admin/users');
  await view.user.click(await screen.findByRole('button', { name: 'New user' }));
  const dialog = await screen.findByRole('dialog', { name: 'New user' });
  return { ...view, dialog };
}

describe('new user dialog', () => {
  it('shows the doctor profile only for the doctor role, and puts a server refusal beside its field', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: { 'users.create': () => fail('CONFLICT', EMAIL_TAKEN, { email: EMAIL_TAKEN }) },
    });
    const { user, dialog } = await openNewUser(clinic);
    const inDialog = within(dialog);
    await waitFor(() => expect(inDialog.getByLabelText('Name')).toHaveFocus());
    for (const label of DOCTOR_FIELDS) expect(inDialog.queryByLabelText(label)).not.toBeInTheDocument();
    expect(inDialog.queryByRole('switch', { name: 'Takes bookings' })).not.toBeInTheDocument();

    await chooseRole(user, inDialog, 'Doctor');
    for (const label of DOCTOR_FIELDS) expect(inDialog.getByLabelText(label)).toBeInTheDocument();
    expect(inDialog.getByRole('switch', { name: 'Takes bookings' })).toBeChecked();

    await user.type(inDialog.getByLabelText('Name'), 'Dr Maria Lopez');
    await user.type(inDialog.getByLabelText('Email'), 'maria@clinic.test');
    await user.type(inDialog.getByLabelText('Phone'), '+44 20 7946 0000');
    await user.type(inDialog.getByLabelText('Password'), 'a-long-password');
    await user.type(inDialog.getByLabelText('Specialization'), 'Cardiology');
    await user.type(inDialog.getByLabelText('Years of experience'), '12');
    await user.type(inDialog.getByLabelText('Consultation fee'), '80.5');
    await user.click(inDialog.getByRole('button', { name: 'Create user' }));

    const email = inDialog.getByLabelText('Email');
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(EMAIL_TAKEN);
    expect(clinic.callsTo('users.create')).toEqual([
      {
        name: 'Dr Maria Lopez',
        email: 'maria@clinic.test',
        phone: '+442079460000',
        role: 'doctor',
        password: 'a-long-password',
        doctor: {
          specialization: 'Cardiology',
          experienceYears: 12,
          consultationFee: 80.5,
          about: null,
          rating: null,
          isAvailable: true,
        },
      },
    ]);
  });

  it('checks the doctor fields with the contract’s rules before sending', async () => {
    const clinic = createFakeClinic({ session: sessionFor('admin') });
    const { user, dialog } = await openNewUser(clinic);
    const inDialog = within(dialog);
    await chooseRole(user, inDialog, 'Doctor');
    await user.click(inDialog.getByRole('button', { name: 'Create user' }));

    expect(await inDialog.findByText('Enter the specialization.')).toBeInTheDocument();
    expect(inDialog.getByText('Enter the years of experience as a number.')).toBeInTheDocument();
    expect(inDialog.getByText('Use at least 10 characters for the password.')).toBeInTheDocument();
    expect(clinic.callsTo('users.create')).toHaveLength(0);
  });

  it('creates a receptionist without a doctor profile and closes', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: { 'users.create': () => ok(staffUser({ name: 'Rosa Reyes' })) },
    });
    const { user, dialog } = await openNewUser(clinic);
    const inDialog = within(dialog);
    await user.type(inDialog.getByLabelText('Name'), 'Rosa Reyes');
    await user.type(inDialog.getByLabelText('Email'), 'rosa@clinic.test');
    await user.type(inDialog.getByLabelText('Password'), 'a-long-password{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New user' })).not.toBeInTheDocument());
    expect(clinic.callsTo('users.create')).toEqual([
      { name: 'Rosa Reyes', email: 'rosa@clinic.test', phone: null, role: 'receptionist', password: 'a-long-password' },
    ]);
  });
});

describe('editing and deactivating staff', () => {
  it('explains a STALE refusal and reloads the record on request', async () => {
    const maria = staffUser();
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'users.list': () => ok([maria]),
        'users.update': ({ version }) =>
          version === 4 ? ok({ ...maria, version: 5 }) : fail('STALE', 'Someone else saved this user.'),
        'users.get': () => ok({ ...maria, name: 'Maria López', version: 4 }),
      },
    });
    const { user } = renderApp(clinic, '/admin/users');
    expect(await screen.findByRole('cell', { name: 'Maria Lopez' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Edit Maria Lopez' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit Maria Lopez' }));
    await user.type(dialog.getByLabelText('Phone'), '020 7946 0000');
    await user.click(dialog.getByRole('button', { name: 'Save changes' }));

    expect(await dialog.findByText(usersStrings.stale.body)).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Reload account' }));
    await waitFor(() => expect(dialog.getByLabelText('Name')).toHaveValue('Maria López'));
    expect(dialog.queryByText(usersStrings.stale.body)).not.toBeInTheDocument();

    await user.click(dialog.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Maria Lopez' })).not.toBeInTheDocument());
    expect(clinic.callsTo('users.update').at(-1)).toMatchObject({ userId: 7, version: 4, name: 'Maria López' });
  });

  it('asks once before deactivating, naming the consequence', async () => {
    const maria = staffUser();
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'users.list': () => ok([maria, staffUser({ userId: 1, name: 'Ada Admin', role: 'admin' })]),
        'users.setStatus': ({ status }) => ok({ ...maria, status }),
      },
    });
    const { user } = renderApp(clinic, '/admin/users');
    await user.click(await screen.findByRole('button', { name: 'Deactivate Maria Lopez' }));
    expect(screen.queryByRole('button', { name: 'Deactivate Ada Admin' })).not.toBeInTheDocument();
    const dialog = within(await screen.findByRole('dialog', { name: 'Deactivate Maria Lopez?' }));
    expect(
      dialog.getByText('Maria Lopez will be signed out everywhere and can no longer sign in.'),
    ).toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(clinic.callsTo('users.setStatus')).toEqual([{ userId: 7, status: 'inactive' }]));
  });

  it('shows each status as text, not colour alone', async () => {
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'users.list': () =>
          ok([
            staffUser(),
            staffUser({ userId: 8, name: 'Ines Out', status: 'inactive' }),
            staffUser({ userId: 9, name: 'Lee Locked', status: 'locked' }),
          ]),
      },
    });
    renderApp(clinic, '/admin/users');
    const table = await screen.findByRole('table', { name: 'Staff accounts' });
    for (const status of ['Active', 'Inactive', 'Locked']) expect(within(table).getByText(status)).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Reactivate Ines Out' })).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Clear lockout for Lee Locked' })).toBeInTheDocument();
  });
});
