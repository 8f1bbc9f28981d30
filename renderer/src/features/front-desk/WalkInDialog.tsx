import { Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { PatientSummary } from '#contract/patients.ts';
import { call } from '../../api/client.ts';
import { isClinicCallError, messageOf } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { DialogButtons } from '../../ui/DialogButtons.tsx';
import { useDoctorList } from '../../api/schedule.ts';
import { useFetchBookingSuggestion, useRefreshDesk } from './desk-api.ts';
import { enterSubmits } from '../../lib/enter-submits.ts';
import { PatientChoice } from './PatientChoice.tsx';
import { RegisterInPlace } from './RegisterInPlace.tsx';
import { deskStrings } from './strings.ts';
import { useDeskFormat } from '../../lib/use-desk-format.ts';

const strings = deskStrings.walkIn;

function WalkInFlow({ onClose }: { onClose: () => void }) {
  const format = useDeskFormat();
  const refresh = useRefreshDesk();
  const doctors = useDoctorList({ availableOnly: true });
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [registering, setRegistering] = useState<string | null>(null);
  const [doctorId, setDoctorId] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ patient?: string; doctorId?: string; form?: string }>({});
  const [submitting, setSubmitting] = useState(false);
  const focusDoctorNext = useRef(false);
  const doctorRef = useRef<HTMLInputElement>(null);
  const fetchSuggestion = useFetchBookingSuggestion();

  // Once the patient is chosen, focus goes on to the doctor, preselected as their usual one.
  useEffect(() => {
    if (!patient || !focusDoctorNext.current) return;
    focusDoctorNext.current = false;
    doctorRef.current?.focus();
  }, [patient]);

  const pickPatient = (next: PatientSummary | null) => {
    setPatient(next);
    if (!next) return;
    focusDoctorNext.current = true;
    void fetchSuggestion(next.patientId).then((suggestion) => {
      const usual = suggestion?.doctor;
      if (usual) setDoctorId((old) => old ?? String(usual.doctorId));
    });
  };

  if (registering !== null) {
    const done = (next: PatientSummary) => {
      setRegistering(null);
      pickPatient(next);
    };
    return <RegisterInPlace typed={registering} onPicked={done} onCancel={() => setRegistering(null)} />;
  }

  const submit = async () => {
    const next = {
      patient: patient ? undefined : deskStrings.booking.needPatient,
      doctorId: doctorId ? undefined : strings.needDoctor,
    };
    setErrors(next);
    if (!patient || !doctorId) return;
    setSubmitting(true);
    try {
      const seen = await call('appointments.walkIn', { patientId: patient.patientId, doctorId: Number(doctorId) });
      notifications.show({
        color: 'green',
        message: strings.done(seen.patientName, seen.doctorName, format.time(seen.time)),
      });
      refresh();
      onClose();
    } catch (error) {
      if (isClinicCallError(error) && error.fields.doctorId) setErrors({ doctorId: error.message });
      else if (isClinicCallError(error) && error.fields.overlapOverrideReason) setErrors({ patient: error.message });
      else setErrors({ form: messageOf(error) });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form
      noValidate
      onKeyDown={enterSubmits}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <Text size="sm">{strings.intro}</Text>
        {errors.form ? <FormAlert>{errors.form}</FormAlert> : null}
        <PatientChoice
          patient={patient}
          error={errors.patient}
          autoFocus
          onPick={pickPatient}
          onRegister={setRegistering}
        />
        <Select
          ref={doctorRef}
          label={strings.doctor}
          placeholder={strings.doctorPlaceholder}
          data={(doctors.data ?? []).map((d) => ({
            value: String(d.doctorId),
            label: `${d.name} (${d.specialization})`,
          }))}
          searchable
          value={doctorId}
          onChange={setDoctorId}
          error={errors.doctorId}
        />
        <DialogButtons
          submitLabel={strings.submit}
          cancelLabel={deskStrings.booking.cancel}
          submitting={submitting}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

/** A patient seen today without an appointment: search-or-create, choose the doctor, checked in at once. */
export function WalkInDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={strings.title} size="lg">
      {opened ? <WalkInFlow onClose={onClose} /> : null}
    </Modal>
  );
}
