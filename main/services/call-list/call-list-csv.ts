import type { CallListEntry } from '#contract/call-list.ts';
import { clinicNow } from '#shared/dates.ts';
import type { CallOutcome } from '#shared/statuses.ts';
import type { CsvColumn } from '../exports/index.ts';

// The call list as a spreadsheet, for a clinic that sends reminders with its own SMS tool:
// one row an appointment, the phone in its own column, times in the clinic's zone.

export const CALL_OUTCOME_WORDS: Record<CallOutcome, string> = {
  confirmed: 'Confirmed',
  left_message: 'Left message',
  no_answer: 'No answer',
  cancelled: 'Cancelled',
};

const localStamp = (iso: string, timeZone: string): string => {
  const at = clinicNow(timeZone, new Date(iso));
  return `${at.date} ${at.time}`;
};

export function callListCsvColumns(timeZone: string): CsvColumn<CallListEntry>[] {
  return [
    { header: 'Date', value: (e) => e.date },
    { header: 'Time', value: (e) => e.time },
    { header: 'Doctor', value: (e) => e.doctorName },
    { header: 'Patient', value: (e) => e.patientName },
    { header: 'Patient number', value: (e) => e.patientNumber },
    { header: 'Phone', value: (e) => e.phone },
    { header: 'Status', value: (e) => e.status },
    { header: 'Call', value: (e) => (e.mark ? CALL_OUTCOME_WORDS[e.mark.outcome] : null) },
    { header: 'Note', value: (e) => e.mark?.note ?? null },
    { header: 'Called by', value: (e) => e.mark?.markedBy ?? null },
    { header: 'Called at', value: (e) => (e.mark ? localStamp(e.mark.markedAt, timeZone) : null) },
  ];
}
