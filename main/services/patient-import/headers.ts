import { IMPORT_FIELDS, type ImportField } from '#contract/patient-import.ts';

// Matching a spreadsheet's headers to patient fields: the mapping an admin last gave a header
// wins, then the field's own name or a common synonym. Headers are compared as letters and
// digits only, without accents or case ("E-mail" and "email", "Téléphone" and "telephone").

export const headerKey = (header: string): string =>
  header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Headers other systems and spreadsheets use for each field (fields not in the contract are ignored). */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  name: ['full name', 'patient name', 'patient', 'name', 'nom', 'nombre'],
  phone: ['mobile', 'mobile phone', 'mobile number', 'cell', 'cell phone', 'phone', 'phone number', 'telephone', 'tel'],
  email: ['e-mail', 'email address', 'e-mail address', 'mail'],
  dateOfBirth: ['dob', 'date of birth', 'birth date', 'birthdate', 'birthday', 'born'],
  gender: ['sex', 'gender'],
  age: ['age', 'age in years'],
  medicalNotes: ['notes', 'medical notes', 'allergies'],
  addressLine1: ['address', 'address 1', 'address line 1', 'street'],
  addressLine2: ['address 2', 'address line 2'],
  city: ['city', 'town'],
  postcode: ['postcode', 'post code', 'postal code', 'zip', 'zip code'],
  country: ['country'],
  idNumber: ['id number', 'national id', 'passport number', 'nic'],
  idKind: ['id kind', 'id type'],
  insuranceProvider: ['insurance', 'insurer', 'insurance company', 'insurance provider'],
  insuranceMemberNumber: ['member number', 'insurance number', 'policy number', 'membership number'],
  preferredLanguage: ['language', 'preferred language'],
  emergencyName: ['emergency contact', 'next of kin', 'emergency name'],
  emergencyRelation: ['relationship', 'relation', 'emergency relation'],
  emergencyPhone: ['emergency phone', 'next of kin phone', 'emergency contact phone'],
};

const BY_KEY = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) {
  for (const name of [field, ...(SYNONYMS[field] ?? [])]) {
    if (!BY_KEY.has(headerKey(name))) BY_KEY.set(headerKey(name), field);
  }
}

const isField = (value: string | null): value is ImportField =>
  value !== null && (IMPORT_FIELDS as readonly string[]).includes(value);

/**
 * One suggestion per header: the remembered field (a remembered "left out" stays out), else
 * the one its name suggests; a field goes to the first header that asks for it.
 */
export function suggestColumns(
  headers: readonly string[],
  remembered: ReadonlyMap<string, string | null>,
): (ImportField | null)[] {
  const taken = new Set<ImportField>();
  return headers.map((header) => {
    const key = headerKey(header);
    const choice = remembered.has(key) ? (remembered.get(key) ?? null) : (BY_KEY.get(key) ?? null);
    if (!isField(choice) || taken.has(choice)) return null;
    taken.add(choice);
    return choice;
  });
}
