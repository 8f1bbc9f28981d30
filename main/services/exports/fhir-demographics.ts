import { languageName } from '#shared/languages.ts';
import type { ExportPatient } from './export-data.ts';
import type { FhirCodeableConcept, FhirIdentifier, FhirPatient, FhirPatientContact } from './fhir-types.ts';

// A patient's demographics where FHIR R4 has a place for them: ID and insurance member numbers
// as identifiers (typed with HL7 v2 table 0203), the address, the emergency contact and a
// guardian as contacts, and the preferred language as communication (a BCP 47 code).

const V2_IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';

const ID_TYPES: Record<string, { code: string; display: string } | undefined> = {
  national_id: { code: 'NI', display: 'National unique individual identifier' },
  passport: { code: 'PPN', display: 'Passport number' },
};

const EMERGENCY_CONTACT = {
  system: 'http://terminology.hl7.org/CodeSystem/v2-0131',
  code: 'C',
  display: 'Emergency Contact',
};
const GUARDIAN = { system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'GUARD', display: 'guardian' };

/** The identifier systems of the numbers a patient carries, beside the clinic's own. */
export const CARD_SYSTEMS = {
  idNumber: (kind: string | null) => `urn:clinic-desk:id:${kind ?? 'unspecified'}`,
  insuranceMember: 'urn:clinic-desk:insurance-member',
} as const;

function identifiers(p: ExportPatient): FhirIdentifier[] {
  const { idNumber, idKind, insuranceMemberNumber, insuranceProvider } = p.demographics;
  const found: FhirIdentifier[] = [];
  if (idNumber) {
    const type = idKind ? ID_TYPES[idKind] : undefined;
    const identifier: FhirIdentifier = { system: CARD_SYSTEMS.idNumber(idKind), value: idNumber };
    if (type) identifier.type = { coding: [{ system: V2_IDENTIFIER_TYPE, ...type }] };
    found.push(identifier);
  }
  if (insuranceMemberNumber) {
    const identifier: FhirIdentifier = {
      system: CARD_SYSTEMS.insuranceMember,
      value: insuranceMemberNumber,
      type: { coding: [{ system: V2_IDENTIFIER_TYPE, code: 'MB', display: 'Member Number' }] },
    };
    if (insuranceProvider) identifier.assigner = { display: insuranceProvider };
    found.push(identifier);
  }
  return found;
}

function contacts(p: ExportPatient): FhirPatientContact[] {
  const { emergencyName, emergencyRelation, emergencyPhone } = p.demographics;
  const found: FhirPatientContact[] = [];
  if (emergencyName || emergencyPhone) {
    const relationship: FhirCodeableConcept = { coding: [EMERGENCY_CONTACT] };
    if (emergencyRelation) relationship.text = emergencyRelation;
    const contact: FhirPatientContact = { relationship: [relationship] };
    if (emergencyName) contact.name = { text: emergencyName };
    if (emergencyPhone) contact.telecom = [{ system: 'phone', value: emergencyPhone }];
    found.push(contact);
  }
  if (p.guardian) {
    const contact: FhirPatientContact = { relationship: [{ coding: [GUARDIAN] }], name: { text: p.guardian.name } };
    if (p.guardian.phone) contact.telecom = [{ system: 'phone', value: p.guardian.phone }];
    found.push(contact);
  }
  return found;
}

/** The demographic parts of the Patient resource; a part with nothing in it is left out. */
export function patientDemographics(
  p: ExportPatient,
): Pick<FhirPatient, 'address' | 'contact' | 'communication'> & { identifier: FhirIdentifier[] } {
  const { addressLine1, addressLine2, city, postcode, country, preferredLanguage } = p.demographics;
  const parts: ReturnType<typeof patientDemographics> = { identifier: identifiers(p) };
  const lines = [addressLine1, addressLine2].filter((line): line is string => Boolean(line));
  if (lines.length > 0 || city || postcode || country) {
    parts.address = [
      {
        ...(lines.length > 0 ? { line: lines } : {}),
        ...(city ? { city } : {}),
        ...(postcode ? { postalCode: postcode } : {}),
        ...(country ? { country } : {}),
      },
    ];
  }
  const found = contacts(p);
  if (found.length > 0) parts.contact = found;
  if (preferredLanguage) {
    const name = languageName(preferredLanguage);
    parts.communication = [
      {
        language: { coding: [{ system: 'urn:ietf:bcp:47', code: preferredLanguage, display: name }], text: name },
        preferred: true,
      },
    ];
  }
  return parts;
}
