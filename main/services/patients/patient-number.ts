/** The number printed on cards and receipts, e.g. P-000042. */
export const patientNumber = (id: number): string => `P-${String(id).padStart(6, '0')}`;
