import type { TimeFormat } from '../../../lib/clinic-time.ts';
import { formatDateLong, formatTime } from '../../../lib/date-format.ts';
import { RescheduleReasonDialog, type ChosenMove } from '../../front-desk/index.ts';
import { calendarStrings } from '../strings.ts';
import type { SlotMove } from './use-slot-drag.ts';

const strings = calendarStrings.drag;

type DoctorName = (doctorId: number) => string | undefined;

function chosenMove(move: SlotMove, timeFormat: TimeFormat, doctorName: DoctorName): ChosenMove | null {
  const appointment = move.source.appointment;
  if (!appointment) return null;
  const when = (date: string, time: string) => `${formatDateLong(date)}, ${formatTime(time, timeFormat)}`;
  const from = when(move.source.date, move.source.startTime);
  const to = when(move.target.date, move.target.startTime);
  const otherDoctor = move.target.doctorId === move.source.doctorId ? undefined : doctorName(move.target.doctorId);
  const summary = otherDoctor
    ? strings.summaryOtherDoctor(appointment.patientName, from, to, otherDoctor)
    : strings.summary(appointment.patientName, from, to);
  return {
    appointmentId: appointment.appointmentId,
    patientName: appointment.patientName,
    newAvailabilityId: move.target.availabilityId,
    summary,
  };
}

/** The reason step of a dragged move: the front desk's reschedule reason, then the same channel. */
export function MoveAppointmentDialog({
  move,
  opened,
  timeFormat,
  doctorName,
  onClose,
}: {
  move: SlotMove | null;
  opened: boolean;
  timeFormat: TimeFormat;
  /** Named in the summary when the move changes the doctor (the day view's columns). */
  doctorName: DoctorName;
  onClose: () => void;
}) {
  return (
    <RescheduleReasonDialog
      move={move ? chosenMove(move, timeFormat, doctorName) : null}
      opened={opened}
      onClose={onClose}
    />
  );
}
