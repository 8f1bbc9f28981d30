import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { call } from '../../api/client.ts';
import { patientKeys } from './patient-api.ts';
import { MergePatientsDialog } from './MergePatientsDialog.tsx';
import { patientsStrings } from './strings.ts';

// Where a merge starts (the patient page, and the duplicate check when it finds two records),
// and what a merged-away record's page says.

const strings = patientsStrings.merge;

/** The patient page's "Merge with…" (desk roles only: the page shows it where it shows its other desk actions). */
export function MergeWithButton({ patientId }: { patientId: number }) {
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconArrowsExchange size={18} aria-hidden />}
        onClick={() => setOpened(true)}
      >
        {strings.open}
      </Button>
      <MergePatientsDialog
        opened={opened}
        onClose={() => setOpened(false)}
        patientId={patientId}
        onMerged={(keptId) => {
          if (keptId !== patientId) void navigate(`/patients/${keptId}`);
        }}
      />
    </>
  );
}

/** The duplicate check's merge: two existing records found as duplicates of each other. */
export function MergeDuplicatesButton({
  duplicates,
}: {
  duplicates: readonly { patientId: number; patientNumber: string }[];
}) {
  const [opened, setOpened] = useState(false);
  const [first, second] = duplicates;
  if (!first || !second) return null;
  return (
    <Group>
      <Button variant="default" size="compact-sm" onClick={() => setOpened(true)}>
        {strings.openDuplicates(first.patientNumber, second.patientNumber)}
      </Button>
      <MergePatientsDialog
        opened={opened}
        onClose={() => setOpened(false)}
        patientId={first.patientId}
        otherId={second.patientId}
      />
    </Group>
  );
}

/** On a merged-away record's page: where its patient is now. */
export function MergedAwayNotice({ patientId }: { patientId: number }) {
  const kept = useQuery({
    queryKey: [...patientKeys.one(patientId), 'mergedInto'],
    queryFn: () => call('patients.mergedInto', { patientId }),
  });
  if (!kept.data) return null;
  const number = kept.data.keptPatientNumber;
  return (
    <Alert color="yellow" variant="light" title={strings.mergedAwayTitle(number)}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{strings.mergedAwayBody}</Text>
        <Anchor component={Link} to={`/patients/${kept.data.keptPatientId}`} size="sm">
          {strings.openKept(number)}
        </Anchor>
      </Stack>
    </Alert>
  );
}
