export const adminStrings = {
  title: 'Admin',
  tabs: {
    users: 'Users',
    settings: 'Settings',
    backups: 'Backups',
    audit: 'Audit',
    exports: 'Exports',
    'this-pc': 'This PC',
  },
  tabsLabel: 'Admin areas',
  noAccess: {
    title: 'No access',
    body: 'You do not have access to this area.',
  },
};
