export const frameStrings = {
  nav: {
    label: 'Main navigation',
    frontDesk: 'Front desk',
    calendar: 'Calendar',
    patients: 'Patients',
    payments: 'Payments',
    messages: 'Messages',
    admin: 'Admin',
  },
  topBar: {
    openNavigation: 'Open navigation',
    closeNavigation: 'Close navigation',
    clinicTime: 'Clinic date and time',
    lock: 'Lock screen',
    lockHint: 'Lock screen (Ctrl+L)',
    useDark: 'Switch to dark theme',
    useLight: 'Switch to light theme',
    accountMenu: 'Account menu',
    changePassword: 'Change password',
    shortcuts: 'Keyboard shortcuts',
    signOut: 'Sign out',
    signedInAs: 'Signed in as',
  },
  notFound: {
    title: 'Page not found',
    body: 'This page does not exist. Use the navigation on the left to choose an area.',
  },
  startup: {
    failed: 'Clinic desk could not start.',
    loading: 'Loading Clinic desk…',
  },
};
