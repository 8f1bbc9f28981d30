// The patients domain's public face: Patient records and patient search.
// Other domains (and main/services/index.ts) import this domain only through this file.

export { createPatientsService } from './patients.ts';
export { ageOn, patientNumber } from './patients.ts';
export { parseRequiredFields } from './demographic-rules.ts';
export { DEMOGRAPHIC_SELECT, demographicsOf } from './demographics.ts';
export { createPatientMergeService } from './merge.ts';
