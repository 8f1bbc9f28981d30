// What other areas use from the call list: its page (the route), the call mark badge the
// board shows, and the printouts' buttons (day list on the calendar, card on an appointment).
export { CallListPage } from './CallListPage.tsx';
export { CallMarkBadge } from './CallMarkBadge.tsx';
export { AppointmentCardButton, PrintDayListButton } from './PrintoutButtons.tsx';
export { callListStrings } from './strings.ts';
