import { Navigate, Route, Routes } from 'react-router';
import type { StaffRole } from '#contract/fields.ts';
import {
  AdminLayout,
  AuditPage,
  BackupsPage,
  BookingSetupPage,
  NoAccessPage,
  ExportsPage,
  SettingsPage,
  ThisPcPage,
  UsersPage,
} from '../admin/index.ts';
import { calendarRoutes } from '../calendar/index.ts';
import { CallListPage } from '../call-list/index.ts';
import { FrontDeskPage } from '../front-desk/index.ts';
import { messagesRoutes } from '../messages/index.ts';
import { patientsRoutes } from '../patients/index.ts';
import { paymentsRoutes } from '../payments/index.ts';
import { PatientImportPage } from '../patient-import/index.ts';
import { NotFoundPage } from './NotFoundPage.tsx';

export function AppRoutes({ role }: { role: StaffRole }) {
  return (
    <Routes>
      <Route index element={<Navigate to="/front-desk" replace />} />
      <Route path="front-desk" element={<FrontDeskPage />} />
      <Route path="call-list" element={<CallListPage />} />
      {calendarRoutes(role === 'doctor')}
      {patientsRoutes()}
      {paymentsRoutes()}
      {messagesRoutes()}
      {role === 'admin' ? (
        <Route path="admin" element={<AdminLayout />}>
          <Route index element={<Navigate to="users" replace />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="booking" element={<BookingSetupPage />} />
          <Route path="backups" element={<BackupsPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="exports" element={<ExportsPage />} />
          <Route path="import" element={<PatientImportPage />} />
          <Route path="this-pc" element={<ThisPcPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      ) : (
        <Route path="admin/*" element={<NoAccessPage />} />
      )}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
