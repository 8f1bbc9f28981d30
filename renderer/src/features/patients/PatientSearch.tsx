import { Box, Kbd, useMatches } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useSession } from '../../api/session.ts';
import { PatientCombobox } from './PatientCombobox.tsx';
import { RegisterPatientDialog } from './RegisterPatientDialog.tsx';
import { patientsStrings } from './strings.ts';

const strings = patientsStrings.search;
const PATIENT_SEARCH_ID = 'global-patient-search';

/** Ctrl/Cmd+K and "/" bring the top bar's patient search into focus from anywhere. */
export function focusPatientSearch(): void {
  const input = document.getElementById(PATIENT_SEARCH_ID);
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
  }
}

/** The top bar's patient search: Enter opens the patient; no match offers registering them. */
export function PatientSearch() {
  const navigate = useNavigate();
  const role = useSession().data?.user.role;
  const [registering, setRegistering] = useState<string | null>(null);
  // The shortcut hint only where there is room for it beside the typed text.
  const wide = useMatches({ base: false, md: true });
  return (
    <Box role="search" w={{ base: 180, sm: 260, md: 340 }} miw={0}>
      <PatientCombobox
        id={PATIENT_SEARCH_ID}
        aria-label={strings.label}
        placeholder={strings.placeholder}
        clearOnPick
        rightSectionWidth={wide ? 52 : undefined}
        rightSection={wide ? <Kbd size="xs">{strings.shortcutHint}</Kbd> : null}
        onPick={(patient) => void navigate(`/patients/${patient.patientId}`)}
        onRegister={role === 'doctor' ? undefined : setRegistering}
      />
      <RegisterPatientDialog
        opened={registering !== null}
        typed={registering ?? ''}
        onClose={() => setRegistering(null)}
      />
    </Box>
  );
}
