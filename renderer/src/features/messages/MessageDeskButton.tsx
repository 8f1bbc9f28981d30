import { Button } from '@mantine/core';
import type { Appointment } from '#contract/front-desk.ts';
import { messagesStrings } from './strings.ts';
import { useOpenThread } from './use-open-thread.ts';

const strings = messagesStrings.appointment;

/**
 * "Message the desk" on a doctor's own appointment: opens (or creates) the conversation the desk
 * keeps with this doctor about this patient, where reception reads and answers it.
 */
export function MessageDeskButton({ appointment }: { appointment: Appointment }) {
  const { open, busy } = useOpenThread();
  return (
    <Button
      size="compact-sm"
      variant="subtle"
      loading={busy}
      aria-label={strings.messageDeskLabel(appointment.patientName)}
      onClick={() => void open(appointment.doctorId, appointment.patientId)}
    >
      {strings.messageDesk}
    </Button>
  );
}
