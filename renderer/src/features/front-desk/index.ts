// What other areas use from the front desk: the booking dialog (the calendar's slot dialog
// opens it with a preselected slot), the board page, the desk's dialogs and appointment
// actions with their buttons and rules (the patient page shows the same rows), and the
// waitlist dialog, and a doctor's own queue for My day.
export { AppointmentActionButtons } from './AppointmentActionButtons.tsx';
export { BookAppointmentDialog } from './BookAppointmentDialog.tsx';
export { DoctorQueue } from './DoctorQueue.tsx';
export type { BookAppointmentDialogProps, BookingSlot } from './BookAppointmentDialog.tsx';
export { FrontDeskPage } from './FrontDeskPage.tsx';
export { RescheduleReasonDialog } from './RescheduleReasonDialog.tsx';
export { ReasonDialog } from './ReasonDialog.tsx';
export type { ChosenMove } from './RescheduleReasonDialog.tsx';
export { WaitlistAddDialog } from './WaitlistAddDialog.tsx';
export { allowedActions, byTime, isUpcoming } from './appointment-rules.ts';
export type { AppointmentAction } from './appointment-rules.ts';
export { DeskProvider, useDesk, useDeskController } from './desk-dialogs.tsx';
export { deskStrings } from './strings.ts';
export { useAppointmentActions } from './use-appointment-actions.tsx';
