// What other areas use from payments: the routes and live updates (the frame), the patient
// page's payments section, and the refund offer after cancelling a paid appointment.
export { PatientPaymentsSection } from './PatientPaymentsSection.tsx';
export { usePaymentsLiveUpdates } from './payments-api.ts';
export { paymentsRoutes } from './payments-routes.tsx';
export { useRefundOffer } from './use-refund-offer.tsx';
