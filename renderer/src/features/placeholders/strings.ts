export type PlaceholderArea = 'frontDesk' | 'calendar' | 'patients' | 'payments' | 'messages';

export const placeholderStrings: Record<PlaceholderArea, { title: string; body: string }> = {
  frontDesk: {
    title: 'Front desk',
    body: 'Today’s flow board and booking will be here; they arrive with the front-desk release and are not built yet.',
  },
  calendar: {
    title: 'Calendar',
    body: 'Each doctor’s appointments by day and week will be here; the calendar is not built yet.',
  },
  patients: {
    title: 'Patients',
    body: 'Registering, finding and editing patients will be here; this area is not built yet.',
  },
  payments: {
    title: 'Payments',
    body: 'Taking payments, printing receipts and the day-end report will be here; this area is not built yet.',
  },
  messages: {
    title: 'Messages',
    body: 'Messages between doctors and the front desk will be here; messaging is not built yet.',
  },
};
