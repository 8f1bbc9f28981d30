import { Button } from '@mantine/core';
import type { Appointment } from '#contract/front-desk.ts';
import { useViewer } from '../../lib/use-desk-format.ts';
import { messagesStrings } from './strings.ts';
import { useOpenThread } from './use-open-thread.ts';

const strings = messagesStrings.appointment;

/** "Message doctor" on an appointment: opens (or creates) the thread of its doctor and patient. */
export function MessageDoctorButton({ appointment }: { appointment: Appointment }) {
  const { open, busy } = useOpenThread();
  const viewer = useViewer();
  // Another doctor's thread is not this doctor's to open.
  if (!viewer || (viewer.role === 'doctor' && viewer.userId !== appointment.doctorId)) return null;
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      loading={busy}
      aria-label={strings.messageDoctorLabel(appointment.doctorName, appointment.patientName)}
      onClick={() => void open(appointment.doctorId, appointment.patientId)}
    >
      {strings.messageDoctor}
    </Button>
  );
}
