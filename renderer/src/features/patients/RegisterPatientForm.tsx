import { zodResolver } from '@hookform/resolvers/zod';
import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { PatientSummary } from '#contract/patients.ts';
import type { ChannelOutput } from '#contract/index.ts';
import { call } from '../../api/client.ts';
import { hasCode } from '../../api/errors.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { DialogButtons } from '../../ui/DialogButtons.tsx';
import { DuplicatesPanel } from './DuplicatesPanel.tsx';
import { patientKeys } from './patient-api.ts';
import {
  newPatientValues,
  PATIENT_FIELD_NAMES,
  patientFormSchema,
  type PatientFields as Fields,
} from './patient-form.ts';
import { PatientFields } from './PatientFields.tsx';
import { patientsStrings } from './strings.ts';

const strings = patientsStrings.form;

const findDuplicates = (values: Fields) =>
  call('patients.findDuplicates', { name: values.name, phone: values.phone, email: values.email });

export type RegisteredPatient = ChannelOutput<'patients.register'>;

interface RegisterPatientFormProps {
  /** What was typed in a search: pre-fills the name or the phone. */
  typed?: string;
  existingAction: 'open' | 'use';
  onExisting: (patient: PatientSummary) => void;
  onRegistered: (patient: RegisteredPatient) => void;
  onCancel: () => void;
}

/**
 * Registers a patient. Before saving it asks main for possible duplicates and, if there are
 * any, shows them: open (or choose) the existing record, or confirm this is a different person.
 */
export function RegisterPatientForm({
  typed,
  existingAction,
  onExisting,
  onRegistered,
  onCancel,
}: RegisterPatientFormProps) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<PatientSummary[] | null>(null);
  const [registering, setRegistering] = useState(false);
  const [pending, setPending] = useState<Fields | null>(null);
  const methods = useForm({
    resolver: zodResolver(patientFormSchema),
    mode: 'onBlur',
    defaultValues: newPatientValues(typed),
  });

  // Opened in place of a search (booking, walk-in): the name, or the phone, takes focus.
  const { setFocus } = methods;
  useEffect(() => setFocus(newPatientValues(typed).name ? 'phone' : 'name'), [setFocus, typed]);

  const register = async (values: Fields, confirmedNotDuplicate: boolean) => {
    setFormError(null);
    setRegistering(true);
    try {
      const patient = await call('patients.register', { ...values, confirmedNotDuplicate });
      notifications.show({ color: 'green', message: strings.registered(patient.name) });
      void queryClient.invalidateQueries({ queryKey: patientKeys.all });
      onRegistered(patient);
    } catch (error) {
      // Someone registered the same person at another desk a moment ago: show who.
      if (hasCode(error, 'CONFLICT') && !confirmedNotDuplicate) {
        const found = await findDuplicates(values).catch(() => []);
        if (found.length > 0) {
          setDuplicates(found);
          return;
        }
      }
      setDuplicates(null);
      setFormError(applyServerErrors(error, methods.setError, PATIENT_FIELD_NAMES));
    } finally {
      setRegistering(false);
    }
  };

  const onSubmit = methods.handleSubmit(async (values) => {
    setFormError(null);
    setPending(values);
    try {
      const found = await findDuplicates(values);
      if (found.length > 0) {
        setDuplicates(found);
        return;
      }
    } catch (error) {
      setFormError(applyServerErrors(error, methods.setError, PATIENT_FIELD_NAMES));
      return;
    }
    await register(values, false);
  });

  if (duplicates) {
    return (
      <DuplicatesPanel
        duplicates={duplicates}
        existingAction={existingAction}
        onExisting={onExisting}
        registering={registering}
        onBack={() => setDuplicates(null)}
        onDifferent={() => {
          if (pending) void register(pending, true);
        }}
      />
    );
  }

  return (
    <FormProvider {...methods}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {formError ? <FormAlert>{formError}</FormAlert> : null}
          <PatientFields />
          <DialogButtons
            submitLabel={strings.register}
            cancelLabel={strings.cancel}
            submitting={methods.formState.isSubmitting || registering}
            onCancel={onCancel}
          />
        </Stack>
      </form>
    </FormProvider>
  );
}
