import { Navigate, Route, Routes } from 'react-router';
import type { StaffRole } from '#contract/fields.ts';
import { AdminLayout } from '../admin/AdminLayout.tsx';
import { AuditPage } from '../admin/audit/AuditPage.tsx';
import { BackupsPage } from '../admin/backups/BackupsPage.tsx';
import { NoAccessPage } from '../admin/NoAccessPage.tsx';
import { ExportsPage } from '../admin/exports/ExportsPage.tsx';
import { SettingsPage } from '../admin/settings/SettingsPage.tsx';
import { UsersPage } from '../admin/users/UsersPage.tsx';
import { calendarRoutes } from '../calendar/calendar-routes.tsx';
import { FrontDeskPage } from '../front-desk/FrontDeskPage.tsx';
import { messagesRoutes } from '../messages/messages-routes.tsx';
import { patientsRoutes } from '../patients/patients-routes.tsx';
import { paymentsRoutes } from '../payments/payments-routes.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function AppRoutes({ role }: { role: StaffRole }) {
  return (
    <Routes>
      <Route index element={<Navigate to="/front-desk" replace />} />
      <Route path="front-desk" element={<FrontDeskPage />} />
      {calendarRoutes(role === 'doctor')}
      {patientsRoutes()}
      {paymentsRoutes()}
      {messagesRoutes()}
      {role === 'admin' ? (
        <Route path="admin" element={<AdminLayout />}>
          <Route index element={<Navigate to="users" replace />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="settings" element={<SettingsPage />} />
          <Route path="backups" element={<BackupsPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="exports" element={<ExportsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      ) : (
        <Route path="admin/*" element={<NoAccessPage />} />
      )}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
