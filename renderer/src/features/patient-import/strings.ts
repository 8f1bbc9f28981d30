// Every word of the patient import screen (Admin → Import patients).

/** Field names people read; a field added later without a label here shows its name in words. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  phone: 'Phone',
  email: 'Email',
  gender: 'Gender',
  age: 'Age',
  dateOfBirth: 'Date of birth',
  medicalNotes: 'Medical notes',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  city: 'City',
  postcode: 'Postcode',
  country: 'Country',
  idNumber: 'ID number',
  idKind: 'ID kind',
  insuranceProvider: 'Insurance provider',
  insuranceMemberNumber: 'Insurance member number',
  preferredLanguage: 'Preferred language',
  emergencyName: 'Emergency contact name',
  emergencyRelation: 'Emergency contact relation',
  emergencyPhone: 'Emergency contact phone',
};

const inWords = (field: string): string => {
  const words = field.replace(/([A-Z0-9])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const patientImportStrings = {
  title: 'Import patients',
  intro:
    'Bring in patients from a spreadsheet: save it as CSV (Excel: File → Save As → CSV), choose it here, check how its columns map to patient fields, run a dry run, then import. Nothing is written before you press Import.',
  fieldLabel: (field: string): string => FIELD_LABELS[field] ?? inWords(field),
  file: {
    label: 'Spreadsheet file (CSV)',
    read: (rows: number, encoding: string, delimiter: string) =>
      `${rows.toLocaleString()} ${rows === 1 ? 'row' : 'rows'} · ${encoding} · columns separated by "${delimiter === '\t' ? 'tab' : delimiter}"`,
  },
  mapping: {
    title: 'Columns',
    column: 'Column in the file',
    field: 'Patient field',
    fieldFor: (header: string) => `Patient field for column "${header}"`,
    leaveOut: 'Leave out',
    required: '(required)',
    dateOrder: 'Dates like 03/04/1980 are',
    dateOrders: { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year/month/day' },
    duplicates: 'Likely duplicates',
    duplicateChoices: {
      skip: 'Skip them (report only)',
      merge: 'Merge: fill the existing record’s empty fields',
    },
  },
  preview: {
    title: 'First rows as they will be stored',
    row: 'Row',
    problems: 'Problems',
    empty: '—',
    none: 'No problems',
    loading: 'Reading the first rows…',
  },
  dryRun: {
    button: 'Dry run',
    title: 'Dry run',
    summary: (rows: number, refused: number, duplicates: number) =>
      `${rows.toLocaleString()} rows: ${refused.toLocaleString()} would be refused, ${duplicates.toLocaleString()} likely ${duplicates === 1 ? 'duplicate' : 'duplicates'}.`,
    refusedTitle: 'Rows that would be refused',
    duplicatesTitle: 'Likely duplicates',
    row: 'Row',
    field: 'Field',
    problem: 'Problem',
    name: 'Name',
    sameAs: 'Same as',
    sameAsRow: (row: number) => `Row ${row} of the file`,
    nothingRefused: 'No row would be refused.',
    noDuplicates: 'No likely duplicates.',
    more: (shown: number, all: number) =>
      `Showing the first ${shown.toLocaleString()} of ${all.toLocaleString()}. The command line (import-patients --dry-run) lists every one, and the import's report has every row.`,
  },
  run: {
    button: 'Import',
    cancel: 'Cancel import',
    cancelling: 'Stopping after the current batch…',
    progressLabel: 'Import progress',
    progress: (done: number, total: number) => `${done.toLocaleString()} of ${total.toLocaleString()} rows`,
    done: (imported: number, merged: number, skipped: number) =>
      `Imported ${imported.toLocaleString()}, merged ${merged.toLocaleString()}, skipped ${skipped.toLocaleString()}.`,
    cancelled: 'The import was cancelled between two batches: the rows before it are imported, the rest are not.',
    report: 'Download the report (CSV)',
  },
};
