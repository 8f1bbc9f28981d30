// The patient-import domain's public face: patients from a spreadsheet (CSV), mapped,
// checked, then imported in batches with a report.
// Other domains (and main/services/index.ts) import this domain only through this file.

export { createPatientImportService, type PatientImportService } from './patient-import.ts';
