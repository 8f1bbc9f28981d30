import { Route } from 'react-router';
import { PaymentsPage } from './PaymentsPage.tsx';
import { ReportPage } from './ReportPage.tsx';

/** The Payments area's routes (called inside <Routes>): the list, one account over it, the report. */
export function paymentsRoutes() {
  return (
    <Route path="payments">
      <Route index element={<PaymentsPage />} />
      <Route path="appointment/:appointmentId" element={<PaymentsPage />} />
      <Route path="report" element={<ReportPage />} />
    </Route>
  );
}
