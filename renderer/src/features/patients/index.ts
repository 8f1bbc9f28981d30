// What other areas use from patients: the routes and the top bar's search (the frame), the
// patient picker and the in-place registration form (front desk, new message), and the
// patient query used by booking.
export { PatientCombobox } from './PatientCombobox.tsx';
export { focusPatientSearch, PatientSearch } from './PatientSearch.tsx';
export { RegisterPatientForm } from './RegisterPatientForm.tsx';
export { patientKeys, usePatient } from './patient-api.ts';
export { patientsRoutes } from './patients-routes.tsx';
