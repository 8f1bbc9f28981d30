// The exports domain's public face: CSV, iCalendar and FHIR exports.
// Other domains (and main/services/index.ts) import this domain only through this file.

export { createExportsService } from './exports.ts';
export { toCsv, type CsvColumn } from './csv.ts';
