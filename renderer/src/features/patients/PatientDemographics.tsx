import { Anchor, SimpleGrid, Stack } from '@mantine/core';
import { Link } from 'react-router';
import type { Demographics, PatientLink } from '#contract/patients.ts';
import { languageName } from '#shared/languages.ts';
import { OrMissing } from '../../ui/OrMissing.tsx';
import { Fact } from './PatientFact.tsx';
import { patientsStrings } from './strings.ts';

const strings = patientsStrings.demographics;

const joined = (parts: readonly (string | null)[], separator: string): string | null => {
  const present = parts.filter((part): part is string => Boolean(part));
  return present.length > 0 ? present.join(separator) : null;
};

function PatientLinkText({ link }: { link: PatientLink }) {
  return (
    <Anchor component={Link} to={`/patients/${link.patientId}`}>
      {strings.guardianChosen(link.name, link.patientNumber)}
    </Anchor>
  );
}

interface PatientDemographicsProps {
  patient: Demographics & { guardian: PatientLink | null; children: PatientLink[] };
}

/** Address, ID, insurance, language, emergency contact and the guardian link, both ways. */
export function PatientDemographics({ patient: p }: PatientDemographicsProps) {
  const address = joined([p.addressLine1, p.addressLine2, joined([p.postcode, p.city], ' '), p.country], '\n');
  const id = p.idNumber ? joined([p.idKind ? (strings.idKinds[p.idKind] ?? p.idKind) : null, p.idNumber], ': ') : null;
  const emergency = joined([joined([p.emergencyName, p.emergencyRelation], ', '), p.emergencyPhone], '\n');
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" mt="sm">
      <Fact label={strings.address}>
        <OrMissing value={address} />
      </Fact>
      <Fact label={strings.idNumber}>
        <OrMissing value={id} />
      </Fact>
      <Fact label={strings.insurance}>
        <OrMissing value={joined([p.insuranceProvider, p.insuranceMemberNumber], '\n')} />
      </Fact>
      <Fact label={strings.preferredLanguage}>
        <OrMissing value={p.preferredLanguage ? languageName(p.preferredLanguage) : null} />
      </Fact>
      <Fact label={strings.emergency}>
        <OrMissing value={emergency} />
      </Fact>
      <Fact label={strings.guardian}>
        <OrMissing value={p.guardian ? <PatientLinkText link={p.guardian} /> : null} />
      </Fact>
      {p.children.length > 0 ? (
        <Fact label={strings.children}>
          <Stack gap={2}>
            {p.children.map((child) => (
              <PatientLinkText key={child.patientId} link={child} />
            ))}
          </Stack>
        </Fact>
      ) : null}
    </SimpleGrid>
  );
}
