export const diagnosticsStrings = {
  title: 'Diagnostics for support',
  body: 'A zip file for whoever supports Clinic desk: the log files of the last 7 days, version numbers, the clinic settings, and the database check. It holds no patient details and no passwords.',
  button: 'Export diagnostics',
  saved: (fileName: string) => `Saved ${fileName}. Send it to whoever supports Clinic desk.`,
  menuHint: 'The desktop app also has this under Help › Export diagnostics.',
};
