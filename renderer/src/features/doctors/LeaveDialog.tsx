import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, FormProvider, useForm, useWatch } from 'react-hook-form';
import { call } from '../../api/client.ts';
import { isClinicCallError } from '../../api/errors.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { DialogButtons } from '../../ui/DialogButtons.tsx';
import { useRefreshSchedules } from '../../api/schedule.ts';
import { AffectedAppointments } from './AffectedAppointments.tsx';
import { DateFormField, TimeFields } from './FormFields.tsx';
import {
  LEAVE_FIELD_NAMES,
  leaveDefaults,
  leaveSchema,
  previewInput,
  previewKey,
  sameAppointments,
  type AffectedAppointment,
  type LeaveInput,
} from './leave-form.ts';
import { doctorsStrings } from './strings.ts';
import { notifyGeneration } from './use-doctor.ts';

const strings = doctorsStrings.leave;

interface Preview {
  key: string;
  affected: AffectedAppointment[];
}

function LeaveForm({ doctorId, today, onDone }: { doctorId: number; today: string; onDone: () => void }) {
  const refresh = useRefreshSchedules();
  const [formError, setFormError] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const methods = useForm({
    resolver: zodResolver(leaveSchema(doctorId)),
    mode: 'onBlur',
    defaultValues: leaveDefaults(today),
  });
  const { control, register, setError, setValue, formState } = methods;
  const partDay = useWatch({ control, name: 'partDay' });

  /**
   * Asks main which booked appointments this leave covers (again only when the dates or times
   * changed). `choose` is true while the user still has to decide what happens to them.
   */
  const check = async (input: LeaveInput): Promise<{ choose: boolean; affected: AffectedAppointment[] }> => {
    const key = previewKey(input);
    if (preview?.key === key) {
      const choose = preview.affected.length > 0 && !input.onBooked;
      if (choose) setError('onBooked', { message: strings.chooseFirst }, { shouldFocus: true });
      return { choose, affected: preview.affected };
    }
    const affected = await call('exceptions.previewLeave', previewInput(input));
    const changed = !preview || !sameAppointments(preview.affected, affected);
    setPreview({ key, affected });
    if (affected.length > 0 && (changed || !input.onBooked)) {
      setValue('onBooked', '');
      return { choose: true, affected };
    }
    return { choose: false, affected };
  };

  const onSubmit = methods.handleSubmit(async (input) => {
    setFormError(null);
    try {
      const { choose, affected } = await check(input);
      if (choose) return;
      const result = await call('exceptions.addLeave', {
        ...input,
        onBooked: affected.length > 0 ? input.onBooked : undefined,
      });
      notifyGeneration(result.generation, strings.saved);
      refresh();
      onDone();
    } catch (error) {
      if (isClinicCallError(error) && error.code === 'CONFLICT' && error.fields.onBooked) {
        // Someone booked into the leave since the check: show the new list and ask again.
        const affected = await call('exceptions.previewLeave', previewInput(input)).catch(() => []);
        setPreview({ key: previewKey(input), affected });
        setValue('onBooked', '');
        setFormError(strings.changedSinceCheck);
        return;
      }
      setFormError(applyServerErrors(error, setError, LEAVE_FIELD_NAMES));
    }
  });

  const checking = formState.isSubmitting;
  return (
    <FormProvider {...methods}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {formError ? <FormAlert>{formError}</FormAlert> : null}
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <DateFormField control={control} name="startDate" label={strings.firstDay} autoFocus />
            <DateFormField control={control} name="endDate" label={strings.lastDay} clearable />
          </SimpleGrid>
          <Controller
            control={control}
            name="partDay"
            render={({ field: { value, onChange, ...field } }) => (
              <Switch
                label={strings.partDay}
                checked={value}
                onChange={(event) => onChange(event.currentTarget.checked)}
                {...field}
              />
            )}
          />
          {partDay ? (
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TimeFields
                register={register}
                errors={formState.errors}
                startName="startTime"
                endName="endTime"
                startLabel={strings.startTime}
                endLabel={strings.endTime}
              />
            </SimpleGrid>
          ) : null}
          <TextInput
            label={strings.reason}
            description={strings.reasonHint}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            error={formState.errors.reason?.message}
            {...register('reason')}
          />
          {preview && preview.affected.length > 0 ? <AffectedAppointments affected={preview.affected} /> : null}
          <DialogButtons
            submitLabel={strings.save}
            cancelLabel={doctorsStrings.cancel}
            submitting={checking}
            onCancel={onDone}
          />
        </Stack>
      </form>
    </FormProvider>
  );
}

interface LeaveDialogProps {
  doctorId: number;
  today: string;
  opened: boolean;
  onClose: () => void;
}

/** Adds leave; first shows the booked appointments it covers and requires a choice for them. */
export function LeaveDialog({ doctorId, today, opened, onClose }: LeaveDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={strings.title} size="lg">
      <LeaveForm doctorId={doctorId} today={today} onDone={onClose} />
    </Modal>
  );
}
