import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { shortcutStrings } from '../../renderer/src/features/shortcuts/strings.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// The ? list: every screen's keys a person can use, for their role.

async function openShortcuts(role: 'receptionist' | 'doctor') {
  const clinic = createFakeClinic({ session: sessionFor(role), handlers: { 'doctors.list': () => ok([]) } });
  const { user } = renderApp(clinic, '/patients');
  await screen.findByRole('heading', { level: 1 });
  await user.keyboard('?');
  return screen.findByRole('dialog', { name: shortcutStrings.title });
}

describe('the keyboard shortcuts list', () => {
  it('lists the flow board’s and the calendar’s keys for the desk', async () => {
    const dialog = await openShortcuts('receptionist');
    for (const action of [
      shortcutStrings.boardRows,
      shortcutStrings.boardNext,
      shortcutStrings.boardMenu,
      shortcutStrings.calendarSlot,
    ]) {
      expect(within(dialog).getByText(action)).toBeInTheDocument();
    }
  });

  it('leaves out the desk’s booking keys for a doctor', async () => {
    const dialog = await openShortcuts('doctor');
    expect(within(dialog).getByText(shortcutStrings.boardMenu)).toBeInTheDocument();
    expect(within(dialog).queryByText(shortcutStrings.calendarSlot)).not.toBeInTheDocument();
    expect(within(dialog).queryByText(shortcutStrings.newAppointment)).not.toBeInTheDocument();
  });
});
