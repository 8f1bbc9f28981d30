import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '#contract/index.ts';
import type { PatientSearchResult } from '#contract/patients.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { fail, NO_DEMOGRAPHICS, ok, sessionFor, settingsFixture } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// The register and edit forms' "More details" section (demographics and guardian), and the
// patient page's facts, against a fake main.

const MOTHER: PatientSearchResult = {
  patientId: 12,
  patientNumber: 'P-000012',
  name: 'Amara Silva',
  phone: '+94777654321',
  email: null,
  gender: null,
  age: 35,
  dateOfBirth: null,
  lastVisit: null,
  nextAppointment: null,
};

function detail(overrides: Partial<ChannelOutput<'patients.get'>> = {}): ChannelOutput<'patients.get'> {
  return {
    ...MOTHER,
    ...NO_DEMOGRAPHICS,
    patientId: 30,
    patientNumber: 'P-000030',
    name: 'Nila Silva',
    medicalNotes: null,
    version: 1,
    createdAt: '2026-01-05T10:00:00.000Z',
    appointments: [],
    reschedules: [],
    ...overrides,
  };
}

function clinic(options: { required?: ('idNumber' | 'emergencyPhone')[]; register?: () => unknown } = {}) {
  return createFakeClinic({
    session: sessionFor('receptionist'),
    handlers: {
      'settings.get': () => ok(settingsFixture({ requiredPatientFields: options.required ?? [] })),
      'patients.findDuplicates': () => ok([]),
      'patients.search': () => ok([MOTHER]),
      'patients.register': (input) =>
        (options.register?.() as ReturnType<typeof ok<ChannelOutput<'patients.register'>>> | undefined) ??
        ok(detail({ name: input.name })),
      'patients.get': () => ok(detail()),
    },
  });
}

async function openRegister(fake: ReturnType<typeof clinic>) {
  const { user } = renderApp(fake, '/patients');
  await user.click(await screen.findByRole('button', { name: 'Register patient' }));
  const dialog = within(await screen.findByRole('dialog', { name: 'Register patient' }));
  await user.type(dialog.getByLabelText('Full name'), 'Nila Silva');
  await user.type(dialog.getByLabelText('Phone'), '0771 000 111');
  return { user, dialog };
}

describe('More details', () => {
  it('is folded away at first, opens by keyboard, and sends address, ID, language and guardian', async () => {
    const fake = clinic();
    const { user, dialog } = await openRegister(fake);
    const toggle = dialog.getByRole('button', { name: /More details/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(dialog.queryByLabelText('City')).not.toBeInTheDocument();

    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.type(dialog.getByLabelText('Address'), '12 Temple Road');
    await user.type(dialog.getByLabelText('City'), 'Kandy');
    await user.type(dialog.getByLabelText('ID number'), '199012345678');
    await user.click(dialog.getByLabelText('Preferred language', { selector: 'input' }));
    await user.keyboard('Sinha');
    await user.click(await screen.findByRole('option', { name: 'Sinhala', hidden: true }));
    await user.type(dialog.getByRole('combobox', { name: 'Guardian' }), 'Amara');
    await user.click(await screen.findByRole('option', { name: /Amara Silva/, hidden: true }));
    expect(dialog.getByText('Amara Silva, P-000012')).toBeInTheDocument();
    expect(toggle).toHaveTextContent('5 filled in');

    await user.click(dialog.getByRole('button', { name: 'Register patient' }));
    await waitFor(() => expect(fake.callsTo('patients.register')).toHaveLength(1));
    expect(fake.callsTo('patients.register')[0]).toMatchObject({
      name: 'Nila Silva',
      addressLine1: '12 Temple Road',
      city: 'Kandy',
      idNumber: '199012345678',
      preferredLanguage: 'si',
      guardianPatientId: 12,
      insuranceMemberNumber: null,
    });
  });

  it('stays open with the fields the clinic requires marked, and shows a refusal beside its field', async () => {
    const fake = clinic({
      required: ['idNumber'],
      register: () =>
        fail('VALIDATION', 'This clinic requires an ID number.', { idNumber: 'This clinic requires an ID number.' }),
    });
    const { user, dialog } = await openRegister(fake);
    const idNumber = await dialog.findByLabelText(/ID number/);
    expect(idNumber).toBeRequired();
    expect(dialog.getByRole('button', { name: /More details/ })).toHaveAttribute('aria-expanded', 'true');
    expect(dialog.getByLabelText('City')).not.toBeRequired();

    await user.click(dialog.getByRole('button', { name: 'Register patient' }));
    expect(await dialog.findByText('This clinic requires an ID number.')).toBeInTheDocument();
    expect(idNumber).toHaveAttribute('aria-invalid', 'true');
  });

  it('opens itself when main refuses a field inside it', async () => {
    const fake = clinic({
      register: () =>
        fail('VALIDATION', 'A insurance member number may contain only letters.', {
          insuranceMemberNumber: 'An insurance member number may contain only letters A–Z, digits, spaces and - . /',
        }),
    });
    const { user, dialog } = await openRegister(fake);
    expect(dialog.queryByLabelText('Insurance member number')).not.toBeInTheDocument();
    await user.click(dialog.getByRole('button', { name: 'Register patient' }));
    expect(await dialog.findByLabelText('Insurance member number')).toHaveAttribute('aria-invalid', 'true');
    expect(dialog.getByRole('button', { name: /More details/ })).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('patient page', () => {
  it('shows the demographics and links guardian and children both ways', async () => {
    const fake = createFakeClinic({
      session: sessionFor('receptionist'),
      handlers: {
        'patients.get': () =>
          ok(
            detail({
              addressLine1: '12 Temple Road',
              city: 'Kandy',
              postcode: '20000',
              idNumber: 'N1234567',
              idKind: 'passport',
              preferredLanguage: 'ta',
              emergencyName: 'Ruwan Silva',
              emergencyRelation: 'Uncle',
              guardianPatientId: 12,
              guardian: { patientId: 12, patientNumber: 'P-000012', name: 'Amara Silva', phone: null },
              children: [{ patientId: 31, patientNumber: 'P-000031', name: 'Kavi Silva', phone: null }],
            }),
          ),
      },
    });
    renderApp(fake, '/patients/30');
    const details = within(await screen.findByRole('region', { name: 'Details' }));
    expect(await details.findByText(/12 Temple Road/)).toBeInTheDocument();
    expect(details.getByText('Passport: N1234567')).toBeInTheDocument();
    expect(details.getByText('Tamil')).toBeInTheDocument();
    expect(details.getByText('Ruwan Silva, Uncle')).toBeInTheDocument();
    expect(details.getByRole('link', { name: 'Amara Silva, P-000012' })).toHaveAttribute('href', '/patients/12');
    expect(details.getByRole('link', { name: 'Kavi Silva, P-000031' })).toHaveAttribute('href', '/patients/31');
  });
});

describe('clinic settings', () => {
  it('lets an admin choose the patient details the desk must fill in', async () => {
    const fake = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'settings.get': () => ok(settingsFixture({ requiredPatientFields: ['email'] })),
        'settings.update': (input) => ok(settingsFixture({ requiredPatientFields: input.requiredPatientFields ?? [] })),
      },
    });
    const { user } = renderApp(fake, '/admin/settings');
    const group = within(await screen.findByRole('group', { name: 'Patient details the desk must fill in' }));
    expect(group.getByRole('checkbox', { name: 'Email' })).toBeChecked();
    await user.click(group.getByRole('checkbox', { name: 'Email' }));
    await user.click(group.getByRole('checkbox', { name: 'ID number' }));
    await user.click(group.getByRole('checkbox', { name: 'Emergency contact phone' }));
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(fake.callsTo('settings.update')).toHaveLength(1));
    expect(fake.callsTo('settings.update')[0]).toMatchObject({
      requiredPatientFields: ['idNumber', 'emergencyPhone'],
    });
  });
});
