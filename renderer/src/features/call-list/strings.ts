import type { CallOutcome } from '#shared/statuses.ts';

// Every sentence of the call list and the printed day sheets. Sentences that carry a value are
// functions, so a translation can reorder them.

export const callListStrings = {
  title: 'Call list',
  intro: 'Ring each patient to confirm their appointment, and mark what happened.',
  day: 'Day',
  doctor: 'Doctor',
  allDoctors: (count: number) => `All doctors (${count})`,
  doctorOption: (doctor: string, count: number) => `${doctor} (${count})`,
  progress: (called: number, total: number) => `${called} of ${total} called`,
  progressLabel: 'Calls made',
  loading: 'Loading the call list…',
  loadFailed: 'The call list could not be loaded.',
  empty: 'No appointments to confirm on this day. Choose another day.',
  tableLabel: 'Appointments to confirm',
  time: 'Time',
  patient: 'Patient',
  phone: 'Phone',
  call: 'Call',
  mark: 'Mark',
  notCalled: 'Not called yet',
  markedBy: (who: string, when: string) => `${who}, ${when}`,
  calls: (count: number) => (count === 1 ? '1 call' : `${count} calls`),
  outcomes: {
    confirmed: 'Confirmed',
    left_message: 'Left message',
    no_answer: 'No answer',
    cancelled: 'Cancelled',
  } satisfies Record<CallOutcome, string>,
  markLabel: (outcome: string, patient: string) => `Mark ${patient}: ${outcome}`,
  marked: (patient: string, outcome: string) => `${patient}: ${outcome}.`,
  keyboardHint:
    'Up and down arrows move between patients; 1 confirmed, 2 left message, 3 no answer, 4 cancelled (asks for the reason).',
  exportCsv: 'Export CSV',
  exported: (fileName: string) => `Saved ${fileName}.`,
  cancel: {
    title: (patient: string) => `Cancel the appointment of ${patient}?`,
    body: 'The appointment is cancelled and its time becomes free for someone else.',
    reason: 'Reason for cancelling',
    submit: 'Cancel appointment',
    keep: 'Keep appointment',
  },
  printouts: {
    dayList: 'Print day list',
    appointmentCard: 'Appointment card',
    appointmentCardLabel: (patient: string) => `Print an appointment card for ${patient}`,
    printed: 'Sent to the printer.',
    cancelled: 'Printing was cancelled.',
    saved: (fileName: string) => `Saved ${fileName}: open it to print.`,
  },
};
