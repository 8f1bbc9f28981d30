export const adminStrings = {
  title: 'Admin',
  tabs: {
    users: 'Users',
    settings: 'Settings',
    booking: 'Types and rooms',
    backups: 'Backups',
    audit: 'Audit',
    exports: 'Exports',
    import: 'Import patients',
    'this-pc': 'This PC',
  },
  tabsLabel: 'Admin areas',
  noAccess: {
    title: 'No access',
    body: 'You do not have access to this area.',
  },
};
