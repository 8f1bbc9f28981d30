// Words printed on the day list and the appointment card.

/** "Tuesday, 3 March 2026" for a clinic-local YYYY-MM-DD (the date itself, no zone shift). */
export const longDate = (date: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));

export const dayListWords = {
  title: 'Day list',
  allDoctors: 'All doctors',
  printedAt: (at: string) => `Printed ${at}`,
  time: 'Time',
  patient: 'Patient',
  type: 'Type',
  room: 'Room',
  phone: 'Phone',
  notes: 'Notes',
  noAppointments: 'No appointments this day.',
  count: (n: number) => (n === 1 ? '1 appointment' : `${n} appointments`),
};

export const cardWords = {
  title: 'Your appointment',
  patient: 'Patient',
  doctor: 'Doctor',
  date: 'Date',
  time: 'Time',
  comeEarly: 'Please come 10 minutes early.',
  cannotCome: 'If you cannot come, please call us.',
};
