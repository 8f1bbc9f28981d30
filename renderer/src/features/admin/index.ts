// What other areas use from admin: its pages (the frame's routes), the backup warning on the
// front desk, the calendar's "export my calendar" button, and the doctor part of the staff
// form that the doctor profile dialog reuses.
export { AdminLayout } from './AdminLayout.tsx';
export { NoAccessPage } from './NoAccessPage.tsx';
export { AuditPage } from './audit/AuditPage.tsx';
export { BackupWarning } from './backups/BackupWarning.tsx';
export { BookingSetupPage } from './booking/BookingSetupPage.tsx';
export { BackupsPage } from './backups/BackupsPage.tsx';
export { ExportMyCalendarButton } from './exports/ExportMyCalendarButton.tsx';
export { ExportsPage } from './exports/ExportsPage.tsx';
export { SettingsPage } from './settings/SettingsPage.tsx';
export { ThisPcPage } from './this-pc/ThisPcPage.tsx';
export { DoctorFields } from './users/DoctorFields.tsx';
export { UsersPage } from './users/UsersPage.tsx';
export type { UserFormValues } from './users/user-form.ts';
