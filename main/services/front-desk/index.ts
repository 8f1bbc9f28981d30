// The front-desk domain's public face: Booking, the appointment workflow, walk-ins and the waitlist.
// Other domains (and main/services/index.ts) import this domain only through this file.

export { createAppointmentsService } from './appointments.ts';
export { createWaitlistService } from './waitlist.ts';
export { createSeriesService } from './series.ts';
export { createBookingSuggestionService } from './booking-suggestion.ts';
export { appointmentRowsQuery, toAppointmentRow, listAppointments, listReschedules } from './appointment-read.ts';
export { cancelAppointments } from './appointment-status.ts';
