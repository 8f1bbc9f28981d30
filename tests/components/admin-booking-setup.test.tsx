import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Resource } from '#contract/appointment-types.ts';
import { bookingSetupStrings } from '../../renderer/src/features/admin/booking/strings.ts';
import { createFakeClinic } from './support/fake-clinic.ts';
import { fail, ok, sessionFor } from './support/fixtures.ts';
import { renderApp } from './support/render-app.tsx';

// Admin → Types and rooms: a room added through its dialog, the form's own check and main's
// refusal each shown on their field, and the list read again after a save.

const strings = bookingSetupStrings.resources;
const TAKEN = 'There is already a room or resource named Room A.';

describe('rooms and resources in Admin', () => {
  it('refuses an empty name on the field, shows main’s refusal on its field, then saves and lists the room', async () => {
    const rooms: Resource[] = [];
    const clinic = createFakeClinic({
      session: sessionFor('admin'),
      handlers: {
        'doctors.list': () => ok([]),
        'types.list': () => ok([]),
        'resources.list': () => ok(rooms),
        'resources.create': (input) => {
          if (input.name === 'Room A') return fail('CONFLICT', TAKEN, { name: TAKEN });
          const room = { resourceId: rooms.length + 1, ...input };
          rooms.push(room);
          return ok(room);
        },
      },
    });
    const { user } = renderApp(clinic, '/admin/booking');
    await user.click(await screen.findByRole('button', { name: strings.add }));
    const dialog = within(await screen.findByRole('dialog', { name: strings.newTitle }));
    const name = dialog.getByLabelText(strings.name);
    await user.click(dialog.getByRole('button', { name: bookingSetupStrings.save }));
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(clinic.callsTo('resources.create')).toEqual([]);

    await user.type(name, 'Room A');
    await user.click(dialog.getByRole('button', { name: bookingSetupStrings.save }));
    expect(await dialog.findByText(TAKEN)).toBeInTheDocument();

    await user.clear(name);
    await user.type(name, 'Room B{Enter}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: strings.newTitle })).not.toBeInTheDocument());
    expect(clinic.callsTo('resources.create').at(-1)).toEqual({ name: 'Room B', kind: 'room', active: true });
    const table = await screen.findByRole('table', { name: strings.tableLabel });
    expect(await within(table).findByText('Room B')).toBeInTheDocument();
  });
});
