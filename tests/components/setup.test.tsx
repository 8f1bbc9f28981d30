import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeClinic } from './support/fake-clinic.ts';
import { fail, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

describe('first-run setup', () => {
  it('creates the clinic and the first admin, then opens the app', async () => {
    const clinic = createFakeClinic({
      session: null,
      handlers: {
        'setup.status': () => ok({ needsSetup: true, clinicName: null }),
        'setup.complete': () => ok(sessionFor('admin')),
      },
    });
    const { user } = renderApp(clinic);
    const name = await screen.findByLabelText('Clinic name');
    expect(name).toHaveFocus();
    expect(screen.getByRole('combobox', { name: 'Time zone' })).not.toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Currency' })).not.toHaveValue('');

    await user.type(name, 'Sunrise Clinic');
    await user.type(screen.getByLabelText('Your name'), 'Ada Admin');
    await user.type(screen.getByLabelText('Email'), 'ada@clinic.test');
    await user.type(screen.getByLabelText('Password'), 'a-long-password');
    await user.type(screen.getByLabelText('Confirm password'), 'a-different-one');
    await user.click(screen.getByRole('button', { name: 'Create clinic' }));
    expect(await screen.findByText('The two passwords do not match.')).toBeInTheDocument();
    expect(clinic.callsTo('setup.complete')).toHaveLength(0);

    await user.clear(screen.getByLabelText('Confirm password'));
    await user.type(screen.getByLabelText('Confirm password'), 'a-long-password{Enter}');
    expect(await screen.findByRole('heading', { name: 'Front desk', level: 1 })).toBeInTheDocument();
    expect(clinic.callsTo('setup.complete')).toEqual([
      expect.objectContaining({ clinicName: 'Sunrise Clinic', adminEmail: 'ada@clinic.test', clinicAddress: null }),
    ]);
  });

  it('shows a refusal from main above the form', async () => {
    const message = 'This clinic is already set up. Sign in with an existing account instead.';
    const clinic = createFakeClinic({
      session: null,
      handlers: {
        'setup.status': () => ok({ needsSetup: true, clinicName: null }),
        'setup.complete': () => fail('CONFLICT', message),
      },
    });
    const { user } = renderApp(clinic);
    await user.type(await screen.findByLabelText('Clinic name'), 'Sunrise Clinic');
    await user.type(screen.getByLabelText('Your name'), 'Ada Admin');
    await user.type(screen.getByLabelText('Email'), 'ada@clinic.test');
    await user.type(screen.getByLabelText('Password'), 'a-long-password');
    await user.type(screen.getByLabelText('Confirm password'), 'a-long-password');
    await user.click(screen.getByRole('button', { name: 'Create clinic' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(message));
  });
});
