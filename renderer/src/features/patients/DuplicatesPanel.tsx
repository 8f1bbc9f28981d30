import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import type { PatientSummary } from '#contract/patients.ts';
import { MergeDuplicatesButton } from './MergeButtons.tsx';
import { patientsStrings } from './strings.ts';

const strings = patientsStrings.duplicates;

interface DuplicatesPanelProps {
  duplicates: PatientSummary[];
  /** 'open' goes to the existing record; 'use' chooses it (in the booking flow). */
  existingAction: 'open' | 'use';
  onExisting: (patient: PatientSummary) => void;
  onDifferent: () => void;
  onBack: () => void;
  registering: boolean;
}

/** Possible duplicates before a registration: open (or choose) one, or confirm a different person. */
export function DuplicatesPanel({
  duplicates,
  existingAction,
  onExisting,
  onDifferent,
  onBack,
  registering,
}: DuplicatesPanelProps) {
  return (
    <Stack>
      <Alert role="alert" color="yellow" variant="light" icon={<IconCopy aria-hidden />} title={strings.title}>
        {strings.body(duplicates.length)}
      </Alert>
      <Stack gap="xs" component="ul" aria-label={strings.listLabel} p={0} m={0} style={{ listStyle: 'none' }}>
        {duplicates.map((patient) => (
          <Paper key={patient.patientId} component="li" withBorder p="sm">
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Text fw={600}>{patient.name}</Text>
                <Text size="sm" c="dimmed">
                  {[patient.patientNumber, patient.phone, patient.email].filter(Boolean).join(' · ')}
                </Text>
              </div>
              <Button
                variant="default"
                size="compact-sm"
                data-autofocus={patient === duplicates[0] || undefined}
                aria-label={
                  existingAction === 'open'
                    ? strings.openLabel(patient.name, patient.patientNumber)
                    : strings.useLabel(patient.name, patient.patientNumber)
                }
                onClick={() => onExisting(patient)}
              >
                {existingAction === 'open' ? strings.open : strings.use}
              </Button>
            </Group>
          </Paper>
        ))}
      </Stack>
      <MergeDuplicatesButton duplicates={duplicates} />
      <Group justify="space-between">
        <Button variant="subtle" onClick={onBack}>
          {strings.back}
        </Button>
        <Button onClick={onDifferent} loading={registering}>
          {strings.different}
        </Button>
      </Group>
    </Stack>
  );
}
