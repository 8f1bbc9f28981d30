import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeClinic } from './support/fake-clinic.ts';
import { fail, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

describe('when main or the clinic server cannot be reached', () => {
  it('says so in a banner, keeps what was typed, and clears once a retry is answered', async () => {
    let serverUp = true;
    const clinic = createFakeClinic({
      session: sessionFor('receptionist'),
      handlers: {
        'patients.search': () =>
          serverUp ? ok([]) : fail('UNAVAILABLE', 'The clinic server is not answering. Check the network.'),
        'auth.session': () =>
          serverUp ? ok(sessionFor('receptionist')) : fail('UNAVAILABLE', 'The clinic server is not answering.'),
      },
    });
    const { user } = renderApp(clinic, '/patients');
    const search = await screen.findByRole('searchbox', { name: 'Search patients' });
    expect(screen.queryByRole('alert', { name: /cannot reach its data/ })).not.toBeInTheDocument();
    serverUp = false;

    await user.type(search, 'perera');
    const banner = await screen.findByRole('alert', { name: 'Clinic desk cannot reach its data' });
    expect(banner).toHaveTextContent('The clinic server is not answering. Check the network.');
    expect(banner).toHaveTextContent('What you typed is kept, and nothing was half saved.');
    expect(banner).toHaveTextContent(/Trying again in \d+ s\./);
    expect(search).toHaveValue('perera');

    // Still down: the banner stays after a try.
    const before = clinic.callsTo('auth.session').length;
    await user.click(screen.getByRole('button', { name: 'Try now' }));
    await waitFor(() => expect(clinic.callsTo('auth.session').length).toBeGreaterThan(before));
    expect(screen.getByRole('alert', { name: 'Clinic desk cannot reach its data' })).toBeInTheDocument();

    serverUp = true;
    await user.click(screen.getByRole('button', { name: 'Try now' }));
    await waitFor(() =>
      expect(screen.queryByRole('alert', { name: 'Clinic desk cannot reach its data' })).not.toBeInTheDocument(),
    );
    expect(search).toHaveValue('perera');
  });
});
