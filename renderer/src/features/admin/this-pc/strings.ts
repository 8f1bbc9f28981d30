export const updatesStrings = {
  title: 'Updates',
  intro:
    'Clinic desk updates come from the clinic’s own update folder or server, never from the internet. This PC looks there when it starts and once a day; an administrator installs a newer version here.',
  thisPc: (version: string) => `This PC runs Clinic desk ${version}.`,
  sourceLegend: 'Where this PC looks for updates',
  kind: 'Update source',
  none: 'Not set',
  folder: 'A folder on the clinic’s share',
  url: 'An address on the clinic’s server',
  path: 'Update folder',
  pathHint: 'For example \\\\clinic-server\\updates\\clinic-desk.',
  address: 'Update address',
  addressHint: 'For example http://clinic-server/updates/clinic-desk/.',
  save: 'Save and check',
  check: 'Check now',
  checkedAt: (when: string) => `Last checked ${when}.`,
  neverChecked: 'Not checked yet.',
  current: (latest: string) => `This PC is up to date (the newest version there is ${latest}).`,
  availableTitle: (version: string) => `Clinic desk ${version} is available`,
  releasedOn: (date: string) => `Published ${date}.`,
  noNotes: 'No notes were published with this version.',
  whatIsNew: 'What is new',
  install: (version: string) => `Install ${version}`,
  installHint:
    'Take a backup first and let the others know. The installer opens and Clinic desk closes; on a clinic server, the first updated PC asks an administrator to confirm the update of the server.',
  installStarted: 'The installer is starting. Clinic desk will close.',
  webShell: 'Updates are installed from the desktop app.',
  failedTitle: 'The update could not be checked or installed',
};

export const printingStrings = {
  title: 'Printing',
  intro:
    'Receipts, the day-end report and day lists print from this PC through the system print dialog, which starts on the printer chosen here.',
  printer: 'Printer',
  systemDefault: 'The system’s default printer',
  noPrinters: 'This PC lists no printers. The print dialog still lets you choose one.',
  paper: 'Receipt paper',
  a5: 'A5 sheet',
  roll80: '80 mm receipt roll',
  paperHint: 'For a receipt printer, choose the roll: receipts are then 80 mm wide and as long as needed.',
  save: 'Save printing',
  saved: 'Printing settings saved for this PC.',
  webShell: 'In a browser, receipts and reports are saved as PDF files and printed from there.',
};

export const thisPcStrings = {
  intro: 'Settings that belong to this computer only: where it finds updates, and its printer.',
};
