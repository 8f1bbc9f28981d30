import { Route } from 'react-router';
import { PatientPage } from './PatientPage.tsx';
import { PatientsPage } from './PatientsPage.tsx';

/** The Patients area's routes (called inside <Routes>, not rendered as a component). */
export function patientsRoutes() {
  return (
    <Route path="patients">
      <Route index element={<PatientsPage />} />
      <Route path=":patientId" element={<PatientPage />} />
    </Route>
  );
}
