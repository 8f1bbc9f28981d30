import { Stack, Text } from '@mantine/core';
import type { PatientSummary } from '#contract/patients.ts';
import { RegisterPatientForm } from '../patients/index.ts';
import { deskStrings } from './strings.ts';

interface RegisterInPlaceProps {
  /** What was typed in the patient search, to start the form with. */
  typed: string;
  /** The patient registered, or the existing one the desk chose instead. */
  onPicked: (patient: PatientSummary) => void;
  onCancel: () => void;
}

/** Registering a new patient inside a booking or walk-in dialog, then back to it with them picked. */
export function RegisterInPlace({ typed, onPicked, onCancel }: RegisterInPlaceProps) {
  return (
    <Stack>
      <Text fw={600}>{deskStrings.registerInPlace}</Text>
      <RegisterPatientForm
        typed={typed}
        existingAction="use"
        onExisting={onPicked}
        onRegistered={onPicked}
        onCancel={onCancel}
      />
    </Stack>
  );
}
