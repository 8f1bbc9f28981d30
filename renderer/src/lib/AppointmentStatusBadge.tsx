import { Badge } from '@mantine/core';
import { APPOINTMENT_STATUS_LOOK, appointmentStatusLabel, isAppointmentStatus } from './appointment-status.ts';

/**
 * An appointment's state as its word and icon, with the state's colour as a third signal (the
 * word keeps full contrast); cancelled is struck through and muted, as everywhere else.
 */
export function AppointmentStatusBadge({ status }: { status: string }) {
  const look = isAppointmentStatus(status) ? APPOINTMENT_STATUS_LOOK[status] : APPOINTMENT_STATUS_LOOK.scheduled;
  const { color, icon: Icon } = look;
  const cancelled = status === 'cancelled';
  return (
    <Badge
      color={color}
      variant="outline"
      leftSection={<Icon size={14} aria-hidden color={`var(--mantine-color-${color}-filled)`} />}
      tt="none"
      size="md"
      styles={{
        label: {
          color: cancelled ? 'var(--mantine-color-dimmed)' : 'var(--mantine-color-text)',
          fontWeight: 600,
          textDecoration: cancelled ? 'line-through' : undefined,
        },
      }}
    >
      {appointmentStatusLabel(status)}
    </Badge>
  );
}
