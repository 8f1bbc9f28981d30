import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFakeClinic } from './support/fake-clinic.ts';
import { sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

const AREAS = ['Front desk', 'Calendar', 'Patients', 'Payments', 'Messages'];

describe('navigation by role', () => {
  it('hides Admin from a receptionist, and refuses the admin area by URL', async () => {
    renderApp(createFakeClinic({ session: sessionFor('receptionist') }), '/admin/users');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    for (const area of AREAS) expect(within(nav).getByRole('link', { name: area })).toBeInTheDocument();
    expect(within(nav).queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
    expect(screen.getByText('You do not have access to this area.')).toBeInTheDocument();
  });

  it('shows Admin to an admin, with the users list', async () => {
    renderApp(createFakeClinic({ session: sessionFor('admin') }), '/admin');
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'Admin' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('button', { name: 'New user' })).toBeInTheDocument();
  });

  it('shows the clinic, the user and their role in the top bar', async () => {
    renderApp(createFakeClinic({ session: sessionFor('doctor') }), '/calendar');
    expect(await screen.findByRole('heading', { name: 'Calendar', level: 1 })).toBeInTheDocument();
    const header = screen.getByRole('banner');
    expect(await within(header).findByText('Sunrise Clinic')).toBeInTheDocument();
    expect(within(header).getByText('Dr Dan')).toBeInTheDocument();
    expect(within(header).getByText('Doctor')).toBeInTheDocument();
    expect(within(header).getByRole('button', { name: 'Account menu' })).toBeInTheDocument();
  });
});
