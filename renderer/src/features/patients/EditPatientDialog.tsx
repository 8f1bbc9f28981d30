import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { ChannelOutput } from '../../../../preload/contract.ts';
import { call } from '../../api/client.ts';
import { hasCode } from '../../api/errors.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { DialogButtons } from '../admin/users/DialogButtons.tsx';
import { StaleAlert } from '../admin/users/StaleAlert.tsx';
import { patientKeys } from './patient-api.ts';
import { PATIENT_FIELD_NAMES, patientFormSchema, patientToFormValues } from './patient-form.ts';
import { PatientFields } from './PatientFields.tsx';
import { patientsStrings } from './strings.ts';
import { useStaleReload } from '../../lib/use-stale-reload.ts';

type PatientDetail = ChannelOutput<'patients.get'>;
const strings = patientsStrings;

function EditPatientForm({ patient, onDone }: { patient: PatientDetail; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(patient.version);
  const [formError, setFormError] = useState<string | null>(null);
  const methods = useForm({
    resolver: zodResolver(patientFormSchema),
    mode: 'onBlur',
    defaultValues: patientToFormValues(patient),
  });
  const { stale, setStale, reloading, reload } = useStaleReload(
    () => call('patients.get', { patientId: patient.patientId }),
    (fresh) => {
      queryClient.setQueryData(patientKeys.one(fresh.patientId), fresh);
      methods.reset(patientToFormValues(fresh));
      setVersion(fresh.version);
    },
    setFormError,
  );

  const onSubmit = methods.handleSubmit(async (values) => {
    setFormError(null);
    setStale(false);
    try {
      const saved = await call('patients.update', { ...values, patientId: patient.patientId, version });
      queryClient.setQueryData(patientKeys.one(saved.patientId), saved);
      void queryClient.invalidateQueries({ queryKey: patientKeys.all });
      notifications.show({ color: 'green', message: strings.form.saved(saved.name) });
      onDone();
    } catch (error) {
      if (hasCode(error, 'STALE')) setStale(true);
      else setFormError(applyServerErrors(error, methods.setError, PATIENT_FIELD_NAMES));
    }
  });

  return (
    <FormProvider {...methods}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {stale ? (
            <StaleAlert
              title={strings.stale.title}
              body={strings.stale.body}
              reloadLabel={strings.stale.reload}
              reloading={reloading}
              onReload={() => void reload()}
            />
          ) : null}
          {formError ? <FormAlert>{formError}</FormAlert> : null}
          <PatientFields />
          <DialogButtons
            submitLabel={strings.form.save}
            cancelLabel={strings.form.cancel}
            submitting={methods.formState.isSubmitting}
            onCancel={onDone}
          />
        </Stack>
      </form>
    </FormProvider>
  );
}

interface EditPatientDialogProps {
  patient: PatientDetail;
  opened: boolean;
  onClose: () => void;
}

/** Edits a patient; when another desk saved first, says so and offers to load their version. */
export function EditPatientDialog({ patient, opened, onClose }: EditPatientDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={strings.form.editTitle(patient.name)} size="lg">
      {opened ? <EditPatientForm patient={patient} onDone={onClose} /> : null}
    </Modal>
  );
}
