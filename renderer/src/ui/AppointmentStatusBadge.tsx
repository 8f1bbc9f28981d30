import { IconBadge } from './IconBadge.tsx';
import { isAppointmentStatus } from '#shared/statuses.ts';
import { APPOINTMENT_STATUS_LOOK, appointmentStatusLabel } from '../lib/appointment-status.ts';

/**
 * An appointment's state as its word and icon, with the state's colour as a third signal (the
 * word keeps full contrast); cancelled is struck through and muted, as everywhere else.
 */
export function AppointmentStatusBadge({ status }: { status: string }) {
  const look = isAppointmentStatus(status) ? APPOINTMENT_STATUS_LOOK[status] : APPOINTMENT_STATUS_LOOK.scheduled;
  const { color, icon: Icon } = look;
  const cancelled = status === 'cancelled';
  return (
    <IconBadge color={color} icon={Icon} size="md" muted={cancelled} struck={cancelled}>
      {appointmentStatusLabel(status)}
    </IconBadge>
  );
}
