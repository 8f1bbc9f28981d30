import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import type { PatientSummary } from '#contract/patients.ts';
import { useDoctorList } from '../../api/schedule.ts';
import { PatientCombobox } from '../patients/index.ts';
import { messagesStrings } from './strings.ts';
import { useOpenThread } from './use-open-thread.ts';

const strings = messagesStrings.newThread;

interface NewThreadDialogProps {
  opened: boolean;
  onClose: () => void;
  /** A doctor can start threads only as themselves. */
  fixedDoctorId: number | null;
}

/** Picks a doctor and a patient, then opens their thread (the existing one if there is one). */
export function NewThreadDialog({ opened, onClose, fixedDoctorId }: NewThreadDialogProps) {
  const doctors = useDoctorList();
  const [doctorId, setDoctorId] = useState<string | null>(null);
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [error, setError] = useState<{ doctor?: string; patient?: string }>({});
  const { open, busy } = useOpenThread();
  const chosenDoctor = fixedDoctorId ?? (doctorId ? Number(doctorId) : null);

  const close = () => {
    setPatient(null);
    setDoctorId(null);
    setError({});
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = {
      ...(chosenDoctor === null ? { doctor: strings.chooseDoctor } : {}),
      ...(patient === null ? { patient: strings.choosePatient } : {}),
    };
    setError(problems);
    if (chosenDoctor === null || patient === null) return;
    if (await open(chosenDoctor, patient.patientId)) close();
  };

  return (
    <Modal opened={opened} onClose={close} title={strings.title}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          {fixedDoctorId === null ? (
            <Select
              label={strings.doctor}
              placeholder={strings.doctorPlaceholder}
              data={(doctors.data ?? []).map((d) => ({ value: String(d.doctorId), label: d.name }))}
              value={doctorId}
              onChange={setDoctorId}
              searchable
              data-autofocus
              error={error.doctor}
            />
          ) : null}
          <PatientCombobox
            label={strings.patient}
            placeholder={strings.patientPlaceholder}
            onPick={setPatient}
            error={error.patient}
            data-autofocus={fixedDoctorId !== null ? true : undefined}
          />
          {patient ? (
            <Text size="sm" aria-live="polite">
              {strings.chosenPatient(patient.name, patient.patientNumber)}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {strings.cancel}
            </Button>
            <Button type="submit" loading={busy}>
              {strings.submit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
