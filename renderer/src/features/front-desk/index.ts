// What other areas use from the front desk: the booking dialog (the calendar's slot dialog
// opens it with a preselected slot) and the board page.
export { BookAppointmentDialog } from './BookAppointmentDialog.tsx';
export type { BookAppointmentDialogProps, BookingSlot } from './BookAppointmentDialog.tsx';
export { FrontDeskPage } from './FrontDeskPage.tsx';
export { DeskProvider, useDesk, useDeskController } from './desk-dialogs.tsx';
