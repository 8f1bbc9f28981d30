export const setupStrings = {
  title: 'Set up Clinic desk',
  intro:
    'Enter your clinic’s details and create the first admin account. You can change the clinic details later under Admin.',
  clinicSection: 'Clinic',
  adminSection: 'First admin account',
  clinicName: 'Clinic name',
  address: 'Address',
  addressHint: 'Optional. Printed on receipts.',
  timeZone: 'Time zone',
  timeZoneHint: 'Appointments and the clock in the top bar use this time zone.',
  currency: 'Currency',
  nothingFound: 'Nothing matches what you typed.',
  adminName: 'Your name',
  email: 'Email',
  emailHint: 'You sign in with this address.',
  password: 'Password',
  passwordHint: 'At least 10 characters.',
  confirmPassword: 'Confirm password',
  mismatch: 'The two passwords do not match.',
  submit: 'Create clinic',
};

/** The first step: where the clinic's data lives. */
export const databaseStrings = {
  intro: 'First, choose where the clinic’s data lives. The clinic details and the first admin account come next.',
  choiceLegend: 'Where the clinic’s data lives',
  local: 'This computer only',
  localHint: 'The data stays in a file on this computer. For a clinic with one computer.',
  server: 'Clinic server',
  serverHint: 'Several computers share one PostgreSQL server (version 15 or newer) on the clinic’s network.',
  continue: 'Continue',
  serverLegend: 'Clinic server',
  host: 'Server name or address',
  hostHint: 'For example db.clinic.local or 192.168.1.20.',
  port: 'Port',
  database: 'Database',
  user: 'Database user',
  password: 'Password',
  passwordHint: 'Never stored as plain text: only in this computer’s keychain, when it has one.',
  tls: 'Encrypt the connection (TLS)',
  tlsHint: 'The server’s certificate is checked. Turn off only on a network you trust.',
  test: 'Test connection',
  use: 'Use this server',
  portInvalid: 'Enter the port as a number from 1 to 65535 (PostgreSQL uses 5432).',
  probeEmpty: (version: string) => `Connected to PostgreSQL ${version} — the database is empty.`,
  probeNew: (version: string) =>
    `Connected to PostgreSQL ${version} — Clinic desk is there, but the clinic is not set up yet: you will create it next.`,
  probeClinic: (version: string, clinic: string) =>
    `Connected to PostgreSQL ${version} — the database already holds Clinic desk for ${clinic}: you will sign in.`,
  passwordNotKept:
    'This computer has no safe place to keep the password, so Clinic desk asks for the server again at the next start.',
  whereLocal: 'Data: on this computer only.',
  whereServer: (where: string) => `Data: on the clinic server ${where}.`,
  whereFixed: (where: string) => `Data: Clinic server (set by CLINIC_DATABASE_URL) — ${where}.`,
  change: 'Change',
};

/** The held start: this PC is newer than the clinic server, and an administrator confirms the update here. */
export const upgradeStrings = {
  title: 'Update the clinic server?',
  backupTitle: 'Take a fresh backup of the server first',
  backup:
    'Updating changes the clinic’s data for every PC and cannot be undone from Clinic desk. Make sure the server was backed up today, after the last patient was seen on the old version.',
  adminIntro: 'An administrator of the clinic confirms the update with their email and password.',
  email: 'Administrator’s email',
  password: 'Password',
  submit: 'Update the server',
  failedTitle: 'The server was not updated',
  quitHint: 'To leave the server as it is, close this window. Clinic desk then quits.',
};

/** A start held for the recovery words: this PC keeps no key for the clinic's encrypted data. */
export const keyEntryStrings = {
  title: 'Unlock the clinic’s data',
  intro:
    'The clinic’s data on this computer is encrypted, and this computer keeps no key for it (no keychain, or the data came from another PC). Type the 24 recovery words from the clinic’s recovery sheet.',
  words: 'Recovery words',
  wordsHint: '24 words, separated by spaces, in the order on the sheet.',
  submit: 'Unlock',
  quitHint: 'Without the words, close this window: Clinic desk quits and nothing is changed.',
};

/** First run: encrypting the new clinic's file, and its recovery words shown once. */
export const setupEncryptionStrings = {
  choice: 'Encrypt the clinic’s data on this computer (recommended)',
  choiceHint:
    'The data file and its backups can then be read only with the clinic’s key. You get 24 recovery words next: they open the data on another computer.',
  choiceHintNoKeychain:
    'This computer has no keychain to keep the key, so the recovery words (or the key) must be given every time Clinic desk starts.',
  failed: (reason: string) => `The clinic is set up, but its data was not encrypted: ${reason}`,
  wordsTitle: 'Your recovery words',
  wordsIntro:
    'Write these 24 words down in this order and keep them somewhere safe away from this computer. They are shown only now. Without them, the clinic’s data cannot be opened on another computer or if this computer’s keychain is lost.',
  wordsList: 'Recovery words',
  saveSheet: 'Save the recovery sheet to print (PDF)',
  done: 'I have written them down',
};
