// What other areas use from patient import: its page (Admin → Import patients).
export { PatientImportPage } from './PatientImportPage.tsx';
