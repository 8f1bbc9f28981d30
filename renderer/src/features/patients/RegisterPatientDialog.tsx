import { Modal } from '@mantine/core';
import { useNavigate } from 'react-router';
import { RegisterPatientForm } from './RegisterPatientForm.tsx';
import { patientsStrings } from './strings.ts';

interface RegisterPatientDialogProps {
  opened: boolean;
  /** What was typed in a search, to pre-fill the name or phone. */
  typed: string;
  onClose: () => void;
}

/** Registers a patient, then opens their page (or the existing record, for a duplicate). */
export function RegisterPatientDialog({ opened, typed, onClose }: RegisterPatientDialogProps) {
  const navigate = useNavigate();
  const open = (patientId: number) => {
    onClose();
    void navigate(`/patients/${patientId}`);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={patientsStrings.form.registerTitle} size="lg">
      {opened ? (
        <RegisterPatientForm
          typed={typed}
          existingAction="open"
          onExisting={(patient) => open(patient.patientId)}
          onRegistered={(patient) => open(patient.patientId)}
          onCancel={onClose}
        />
      ) : null}
    </Modal>
  );
}
