import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { FormProvider, useForm } from 'react-hook-form';
import type { ChannelOutput } from '#contract/index.ts';
import { call } from '../../api/client.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { DialogButtons } from '../../ui/DialogButtons.tsx';
import { SaveAlerts } from '../../ui/StaleAlert.tsx';
import { patientKeys } from './patient-api.ts';
import { PATIENT_FIELD_NAMES, patientFormSchema, patientToFormValues } from './patient-form.ts';
import { PatientFields } from './PatientFields.tsx';
import { patientsStrings } from './strings.ts';
import { useVersionedSave } from '../../lib/use-stale-reload.ts';

type PatientDetail = ChannelOutput<'patients.get'>;
const strings = patientsStrings;

function EditPatientForm({ patient, onDone }: { patient: PatientDetail; onDone: () => void }) {
  const queryClient = useQueryClient();
  const methods = useForm({
    resolver: zodResolver(patientFormSchema),
    mode: 'onBlur',
    defaultValues: patientToFormValues(patient),
  });
  const saving = useVersionedSave(
    patient.version,
    () => call('patients.get', { patientId: patient.patientId }),
    (fresh) => {
      queryClient.setQueryData(patientKeys.one(fresh.patientId), fresh);
      methods.reset(patientToFormValues(fresh));
    },
  );

  const onSubmit = methods.handleSubmit((values) =>
    saving.save(
      async (version) => {
        const saved = await call('patients.update', { ...values, patientId: patient.patientId, version });
        queryClient.setQueryData(patientKeys.one(saved.patientId), saved);
        void queryClient.invalidateQueries({ queryKey: patientKeys.all });
        notifications.show({ color: 'green', message: strings.form.saved(saved.name) });
        onDone();
      },
      (error) => applyServerErrors(error, methods.setError, PATIENT_FIELD_NAMES),
    ),
  );

  return (
    <FormProvider {...methods}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <SaveAlerts {...saving} strings={strings.stale} />
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
