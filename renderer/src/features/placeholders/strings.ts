export type PlaceholderArea = 'payments' | 'messages';

export const placeholderStrings: Record<PlaceholderArea, { title: string; body: string }> = {
  payments: {
    title: 'Payments',
    body: 'Taking payments, printing receipts and the day-end report will be here; this area is not built yet.',
  },
  messages: {
    title: 'Messages',
    body: 'Messages between doctors and the front desk will be here; messaging is not built yet.',
  },
};
