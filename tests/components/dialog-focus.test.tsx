import { Button, Modal } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { useState, type ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Appointment, BookingSuggestion } from '#contract/front-desk.ts';
import type { PatientSearchResult } from '#contract/patients.ts';
import type { Doctor, SlotView } from '#contract/schedule.ts';
import { createColorSchemeManager } from '../../renderer/src/app/color-scheme.ts';
import { AppProviders } from '../../renderer/src/app/providers.tsx';
import { createQueryClient } from '../../renderer/src/app/query-client.ts';
import { EditUserDialog } from '../../renderer/src/features/admin/users/EditUserDialog.tsx';
import { NewUserDialog } from '../../renderer/src/features/admin/users/NewUserDialog.tsx';
import { ResetPasswordDialog } from '../../renderer/src/features/admin/users/ResetPasswordDialog.tsx';
import { StatusDialog } from '../../renderer/src/features/admin/users/StatusDialog.tsx';
import { ChangePasswordDialog } from '../../renderer/src/features/auth/ChangePasswordDialog.tsx';
import { SlotDialog } from '../../renderer/src/features/calendar/SlotDialog.tsx';
import { ConfirmDialog } from '../../renderer/src/features/doctors/ConfirmDialog.tsx';
import { LeaveDialog } from '../../renderer/src/features/doctors/LeaveDialog.tsx';
import { SessionDialog } from '../../renderer/src/features/doctors/SessionDialogs.tsx';
import { TemplateDialog } from '../../renderer/src/features/doctors/TemplateDialog.tsx';
import { BookAppointmentDialog } from '../../renderer/src/features/front-desk/BookAppointmentDialog.tsx';
import { ReasonDialog } from '../../renderer/src/features/front-desk/ReasonDialog.tsx';
import { RescheduleDialog } from '../../renderer/src/features/front-desk/RescheduleDialog.tsx';
import { WaitlistAddDialog } from '../../renderer/src/features/front-desk/WaitlistAddDialog.tsx';
import { WalkInDialog } from '../../renderer/src/features/front-desk/WalkInDialog.tsx';
import { NewThreadDialog } from '../../renderer/src/features/messages/NewThreadDialog.tsx';
import { RegisterPatientDialog } from '../../renderer/src/features/patients/RegisterPatientDialog.tsx';
import { ShortcutsDialog } from '../../renderer/src/features/shortcuts/ShortcutsDialog.tsx';
import { createFakeClinic } from './support/fake-clinic.ts';
import { NO_DEMOGRAPHICS, ok, sessionFor, staffUser } from './support/fixtures.ts';

// Every dialog of the app keeps keyboard focus inside while open: Tab and Shift+Tab many times
// never reach the page behind, also after the focused element goes away (a patient picked).

const TODAY = '2026-03-10';
const JANE: PatientSearchResult = {
  patientId: 1,
  patientNumber: 'P-000001',
  name: 'Jane Doe',
  phone: '07700900123',
  email: null,
  gender: null,
  age: 40,
  dateOfBirth: null,
  lastVisit: null,
  nextAppointment: null,
};
const MENSAH: Doctor = {
  doctorId: 11,
  name: 'Dr Ama Mensah',
  email: null,
  phone: null,
  specialization: 'Cardiology',
  experienceYears: 10,
  consultationFee: 50,
  about: null,
  rating: null,
  isAvailable: true,
  accountActive: true,
  version: 1,
};
const SLOT: SlotView = {
  availabilityId: 201,
  doctorId: 11,
  date: '2026-03-11',
  startTime: '09:00',
  endTime: '09:15',
  state: 'free',
  source: 'template',
  blockedReason: null,
  appointment: null,
  unavailableReason: null,
};
const FREE = [
  { ...SLOT, doctorName: MENSAH.name, specialization: MENSAH.specialization },
  {
    ...SLOT,
    availabilityId: 202,
    startTime: '09:15',
    endTime: '09:30',
    doctorName: MENSAH.name,
    specialization: 'Cardiology',
  },
];
const SUGGESTION: BookingSuggestion = {
  doctor: { doctorId: 11, name: MENSAH.name, specialization: 'Cardiology', basis: 'last_seen' },
  slot: FREE[0] ?? null,
};
const APPOINTMENT: Appointment = {
  appointmentId: 5,
  doctorId: 11,
  doctorName: MENSAH.name,
  patientId: 1,
  patientName: 'Jane Doe',
  availabilityId: 100,
  date: TODAY,
  time: '09:00',
  endTime: '09:15',
  status: 'scheduled',
  isWalkIn: false,
  needsRescheduleReason: null,
  checkedInAt: null,
  createdAt: '2026-03-01T09:00:00.000Z',
};

function renderDialog(dialog: ReactElement) {
  const clinic = createFakeClinic({
    session: sessionFor('receptionist'),
    handlers: {
      'doctors.list': () => ok([MENSAH]),
      'doctors.specializations': () => ok(['Cardiology']),
      'patients.search': () => ok([JANE]),
      'schedule.nextFree': () => ok(FREE),
      'appointments.suggestBooking': () => ok(SUGGESTION),
      'patients.get': () =>
        ok({
          ...JANE,
          ...NO_DEMOGRAPHICS,
          medicalNotes: null,
          version: 1,
          createdAt: '2026-01-01T00:00:00.000Z',
          appointments: [],
          reschedules: [],
        }),
    },
  });
  window.clinic = clinic.api;
  const user = userEvent.setup();
  render(
    <AppProviders queryClient={createQueryClient()} colorSchemeManager={createColorSchemeManager()}>
      <MemoryRouter>
        <Button>Page behind</Button>
        {dialog}
      </MemoryRouter>
    </AppProviders>,
  );
  return { user, clinic };
}

/** Tab and Shift+Tab well past the number of fields; focus must stay in the dialog each time. */
async function expectFocusStaysInside(user: UserEvent, dialog: HTMLElement) {
  const inside = () => dialog.contains(document.activeElement);
  const presses = dialog.querySelectorAll('button, input, a[href], textarea, [tabindex]').length + 3;
  for (let i = 0; i < presses; i += 1) {
    await user.tab();
    expect(inside(), `Tab ${i + 1} left the dialog for ${document.activeElement?.outerHTML.slice(0, 80)}`).toBe(true);
  }
  for (let i = 0; i < presses; i += 1) {
    await user.tab({ shift: true });
    expect(inside(), `Shift+Tab ${i + 1} left the dialog`).toBe(true);
  }
}

const noop = () => undefined;
const DIALOGS: [name: string | RegExp, ReactElement][] = [
  ['Book appointment', <BookAppointmentDialog key="book" open onClose={noop} />],
  ['Walk-in', <WalkInDialog key="walk" opened onClose={noop} />],
  [
    'Cancel?',
    <ReasonDialog
      key="reason"
      opened
      title="Cancel?"
      body="The slot becomes free."
      reasonLabel="Reason"
      reasonWords="reason"
      confirmLabel="Cancel appointment"
      keepLabel="Keep"
      onClose={noop}
      onConfirm={async () => undefined}
    />,
  ],
  [/Reschedule/, <RescheduleDialog key="move" appointment={APPOINTMENT} opened onClose={noop} />],
  [/waitlist/, <WaitlistAddDialog key="wait" patientId={1} patientName="Jane Doe" opened onClose={noop} />],
  [/./, <NewUserDialog key="new-user" opened onClose={noop} />],
  [/./, <EditUserDialog key="edit-user" user={staffUser()} opened onClose={noop} />],
  [/./, <ResetPasswordDialog key="reset" user={staffUser()} opened onClose={noop} />],
  [/./, <StatusDialog key="status" user={staffUser()} opened onClose={noop} />],
  [/./, <ChangePasswordDialog key="password" opened onClose={noop} />],
  [
    'Remove?',
    <ConfirmDialog
      key="confirm"
      opened
      title="Remove?"
      body="It goes."
      confirmLabel="Remove"
      onConfirm={async () => undefined}
      onClose={noop}
    />,
  ],
  [/./, <LeaveDialog key="leave" doctorId={11} today={TODAY} opened onClose={noop} />],
  [/./, <TemplateDialog key="template" doctorId={11} today={TODAY} template={null} opened onClose={noop} />],
  [/./, <SessionDialog key="session" kind="extra" doctorId={11} today={TODAY} onClose={noop} />],
  [/./, <NewThreadDialog key="thread" opened onClose={noop} fixedDoctorId={null} />],
  [/./, <RegisterPatientDialog key="register" opened typed="Jane" onClose={noop} />],
  [/./, <ShortcutsDialog key="shortcuts" opened onClose={noop} role="receptionist" />],
  [
    /./,
    <SlotDialog
      key="slot"
      target={{ slot: SLOT, doctorName: MENSAH.name }}
      opened
      timeFormat="24h"
      canManage={() => true}
      canBook
      onClose={noop}
    />,
  ],
];

describe('focus in dialogs', () => {
  it.each(DIALOGS.map(([name, dialog], index) => [index, name, dialog] as const))(
    'dialog %i (%s) keeps Tab and Shift+Tab inside',
    async (_index, name, dialog) => {
      const { user } = renderDialog(dialog);
      const opened = await screen.findByRole('dialog', { name });
      await waitFor(() => expect(opened.contains(document.activeElement)).toBe(true));
      await expectFocusStaysInside(user, opened);
    },
  );

  it('booking: Enter takes the first match, focus lands on the usual doctor’s first free slot, chosen, and stays inside', async () => {
    const { user, clinic } = renderDialog(<BookAppointmentDialog open onClose={noop} />);
    const dialog = await screen.findByRole('dialog', { name: 'Book appointment' });
    const patient = within(dialog).getByRole('combobox', { name: 'Patient' });
    await waitFor(() => expect(patient).toHaveFocus());
    await user.keyboard('Jan');
    await screen.findByRole('option', { name: /Jane Doe/, hidden: true });
    await user.keyboard('{Enter}');
    const slot = await within(dialog).findByRole('radio', { name: /09:00/ });
    await waitFor(() => expect(slot).toHaveFocus());
    expect(slot).toBeChecked();
    expect(clinic.callsTo('appointments.suggestBooking')).toEqual([{ patientId: 1 }]);
    expect(within(dialog).getByText(/Dr Ama Mensah saw this patient last/)).toBeInTheDocument();
    await expectFocusStaysInside(user, dialog);
  });

  it('booking for a chosen patient (N on their page): the usual doctor’s first free slot is chosen at once', async () => {
    const { clinic } = renderDialog(<BookAppointmentDialog open patientId={1} onClose={noop} />);
    const dialog = await screen.findByRole('dialog', { name: 'Book appointment' });
    const slot = await within(dialog).findByRole('radio', { name: /09:00/ });
    await waitFor(() => expect(slot).toHaveFocus());
    expect(slot).toBeChecked();
    expect(within(dialog).getByText('Jane Doe')).toBeInTheDocument();
    expect(clinic.callsTo('appointments.suggestBooking')).toEqual([{ patientId: 1 }]);
  });

  it('booking: Tab onto a slot chooses it', async () => {
    const { user } = renderDialog(<BookAppointmentDialog open onClose={noop} />);
    const dialog = await screen.findByRole('dialog', { name: 'Book appointment' });
    await user.click(within(dialog).getByRole('combobox', { name: 'Doctor or specialization' }));
    await user.click(await screen.findByRole('option', { name: 'Dr Ama Mensah (Cardiology)', hidden: true }));
    const first = await within(dialog).findByRole('radio', { name: /09:00/ });
    expect(first).not.toBeChecked();
    first.focus();
    await waitFor(() => expect(first).toBeChecked());
  });

  it('walk-in: after the patient, focus goes to the doctor, preselected as their usual one', async () => {
    const { user } = renderDialog(<WalkInDialog opened onClose={noop} />);
    const dialog = await screen.findByRole('dialog', { name: 'Walk-in' });
    await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'Patient' })).toHaveFocus());
    await user.keyboard('Jan');
    await screen.findByRole('option', { name: /Jane Doe/, hidden: true });
    await user.keyboard('{Enter}');
    const doctor = within(dialog).getByRole('combobox', { name: 'Doctor' });
    await waitFor(() => expect(doctor).toHaveFocus());
    await waitFor(() => expect(doctor).toHaveValue('Dr Ama Mensah (Cardiology)'));
    await expectFocusStaysInside(user, dialog);
  });

  it('a searchable list highlights its first match as you type, so Enter takes it', async () => {
    const { user } = renderDialog(<WalkInDialog opened onClose={noop} />);
    const dialog = await screen.findByRole('dialog', { name: 'Walk-in' });
    const doctor = within(dialog).getByRole('combobox', { name: 'Doctor' });
    await user.click(doctor);
    await user.keyboard('Ama');
    const option = await screen.findByRole('option', { name: 'Dr Ama Mensah (Cardiology)', hidden: true });
    await waitFor(() => expect(option).toHaveAttribute('data-combobox-selected', 'true'));
    await user.keyboard('{Enter}');
    expect(doctor).toHaveValue('Dr Ama Mensah (Cardiology)');
  });

  it('any dialog: when the focused element goes away, focus moves to the dialog’s first field, and Tab stays in', async () => {
    function Vanishing() {
      const [gone, setGone] = useState(false);
      return (
        <Modal opened onClose={noop} title="Steps">
          <input aria-label="Name" />
          {gone ? null : <Button onClick={() => setGone(true)}>Next step</Button>}
        </Modal>
      );
    }
    const { user } = renderDialog(<Vanishing />);
    const dialog = await screen.findByRole('dialog', { name: 'Steps' });
    await user.click(within(dialog).getByRole('button', { name: 'Next step' }));
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveFocus());
    await expectFocusStaysInside(user, dialog);
  });
});
