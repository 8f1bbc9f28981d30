import { Button, Group } from '@mantine/core';
import type { Appointment } from '#contract/front-desk.ts';
import { AppointmentCardButton } from '../call-list/index.ts';
import { MessageDoctorButton } from '../messages/index.ts';
import { ACTION_LOOK } from './action-look.ts';
import type { AppointmentAction } from './appointment-rules.ts';

interface AppointmentActionButtonsProps {
  appointment: Appointment;
  actions: AppointmentAction[];
  busy: boolean;
  onAction: (action: AppointmentAction, appointment: Appointment) => void;
  groupLabel: string;
}

/** One button per allowed action, each named with the patient so a screen reader hears whose row it is. */
export function AppointmentActionButtons({
  appointment,
  actions,
  busy,
  onAction,
  groupLabel,
}: AppointmentActionButtonsProps) {
  if (actions.length === 0) return null;
  return (
    <Group gap={4} wrap="wrap" justify="flex-end">
      <Group gap={4} wrap="wrap" justify="flex-end" role="group" aria-label={groupLabel}>
        {actions.map((action) => {
          const look = ACTION_LOOK[action];
          return (
            <Button
              key={action}
              size="compact-sm"
              variant={look.primary ? 'filled' : 'subtle'}
              color={look.color}
              loading={busy && look.primary}
              disabled={busy}
              aria-label={look.label(appointment.patientName)}
              onClick={() => onAction(action, appointment)}
            >
              {look.text}
            </Button>
          );
        })}
      </Group>
      {/* Not a step of the visit: outside the group of workflow actions. */}
      <MessageDoctorButton appointment={appointment} />
      {appointment.status === 'scheduled' ? (
        <AppointmentCardButton appointmentId={appointment.appointmentId} patientName={appointment.patientName} />
      ) : null}
    </Group>
  );
}
