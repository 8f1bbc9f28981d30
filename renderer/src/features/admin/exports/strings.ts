export const exportsStrings = {
  title: 'Exports',
  intro:
    'Files for spreadsheets, calendars and other health systems. They contain patient data: keep them somewhere safe. Every export is recorded in the audit log.',
  range: {
    legend: 'Date range and doctor',
    from: 'First day',
    to: 'Last day',
    thisMonth: 'This month',
    lastMonth: 'Last month',
    nextMonth: 'Next month',
    doctor: 'Doctor',
    allDoctors: 'All doctors',
    maxDays: (days: number) => `Up to ${days} days at a time.`,
    tooLong: (days: number) => `Export at most ${days} days at a time; choose an earlier last day.`,
    loadDoctorsFailed: 'The list of doctors could not be loaded. Exports for all doctors still work.',
  },
  bom: {
    label: 'For Excel: start CSV files with a byte order mark',
    description: 'Excel then shows accented names correctly. Other spreadsheet programs do not need it.',
  },
  cards: {
    appointments: {
      title: 'Appointments (CSV)',
      body: 'Every appointment in the range with its doctor, patient, status and any cancellation reason.',
      button: 'Download appointments CSV',
    },
    calendar: {
      title: 'Doctor’s calendar (.ics)',
      body: (timeZone: string) =>
        `The chosen doctor’s appointments for Outlook, Google or Apple Calendar, at the clinic’s times (${timeZone}). Importing a newer file updates the events.`,
      button: 'Download calendar',
      needDoctor: 'Choose a doctor above to export their calendar.',
    },
    fhir: {
      title: 'FHIR R4 bundle (JSON)',
      body: 'Patients, practitioners, schedules, slots and appointments in the range, for another health system.',
      button: 'Download FHIR bundle',
    },
    patients: {
      title: 'Patients (CSV)',
      body: 'Every registered patient with contact details. Not limited by the dates. Medical notes are never exported.',
      button: 'Download patients CSV',
    },
  },
  myCalendar: {
    button: 'Export my calendar (.ics)',
    hint: 'Your appointments from this day for the next 12 weeks, for your calendar app.',
  },
  saved: (fileName: string) => `Saved ${fileName}.`,
};
