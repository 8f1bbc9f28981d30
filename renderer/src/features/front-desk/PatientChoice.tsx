import { Button, Group, Paper, Skeleton, Text } from '@mantine/core';
import type { PatientSummary } from '#contract/patients.ts';
import { PatientCombobox } from '../patients/index.ts';
import { deskStrings } from './strings.ts';

const strings = deskStrings.booking;

interface PatientChoiceProps {
  patient: PatientSummary | null;
  loading?: boolean;
  error?: string | null;
  onPick: (patient: PatientSummary | null) => void;
  onRegister: (typed: string) => void;
  autoFocus?: boolean;
}

/** The patient of a booking or walk-in: search-or-create, or the chosen one with "Change patient". */
export function PatientChoice({ patient, loading, error, onPick, onRegister, autoFocus }: PatientChoiceProps) {
  if (loading) return <Skeleton height={58} aria-label={strings.loadingPatient} />;
  if (!patient) {
    return (
      <PatientCombobox
        label={strings.patient}
        description={strings.patientHint}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        error={error ?? undefined}
        data-autofocus={autoFocus || undefined}
        onPick={onPick}
        onRegister={onRegister}
      />
    );
  }
  return (
    <div>
      <Text size="sm" fw={500} mb={4}>
        {strings.patient}
      </Text>
      <Paper withBorder p="xs">
        <Group justify="space-between" wrap="nowrap">
          <div>
            <Text fw={600}>{patient.name}</Text>
            <Text size="sm" c="dimmed">
              {[patient.patientNumber, patient.phone].filter(Boolean).join(' · ')}
            </Text>
          </div>
          <Button variant="default" size="compact-sm" onClick={() => onPick(null)}>
            {strings.changePatient}
          </Button>
        </Group>
      </Paper>
    </div>
  );
}
