import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { call } from '../../api/client.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { useSettings } from '../../api/settings.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatDateMedium, formatTime } from '../../lib/date-format.ts';
import { DialogButtons } from '../../ui/DialogButtons.tsx';
import { useRefreshSchedules } from '../../api/schedule.ts';
import { DateFormField, MinutesFormField, TimeFields } from './FormFields.tsx';
import { EXTRA_FIELD_NAMES, extraSchema, manualSlotSchema, SLOT_FIELD_NAMES } from './schedule-forms.ts';
import { doctorsStrings } from './strings.ts';
import { notifyGeneration } from './use-doctor.ts';

interface FormProps {
  doctorId: number;
  today: string;
  onDone: () => void;
}

function ExtraSessionForm({ doctorId, today, onDone }: FormProps) {
  const strings = doctorsStrings.extra;
  const defaultSlotMinutes = useSettings().data?.defaultSlotMinutes ?? 15;
  const refresh = useRefreshSchedules();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, register, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(extraSchema(doctorId)),
    mode: 'onBlur',
    defaultValues: { date: today, startTime: '', endTime: '', slotMinutes: defaultSlotMinutes, reason: '' },
  });
  const onSubmit = handleSubmit(async (input) => {
    setFormError(null);
    try {
      const result = await call('exceptions.addExtra', input);
      notifyGeneration(result.generation, strings.saved);
      refresh();
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, EXTRA_FIELD_NAMES));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <DateFormField control={control} name="date" label={strings.date} autoFocus />
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <TimeFields register={register} errors={formState.errors} startName="startTime" endName="endTime" />
          <MinutesFormField control={control} name="slotMinutes" label={doctorsStrings.templates.slotMinutes} />
        </SimpleGrid>
        <TextInput
          label={strings.note}
          description={strings.noteHint}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          error={formState.errors.reason?.message}
          {...register('reason')}
        />
        <DialogButtons
          submitLabel={strings.save}
          cancelLabel={doctorsStrings.cancel}
          submitting={formState.isSubmitting}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

function OneOffSlotForm({ doctorId, today, onDone }: FormProps) {
  const strings = doctorsStrings.slot;
  const timeFormat = useSettings().data?.timeFormat ?? '24h';
  const refresh = useRefreshSchedules();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, register, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(manualSlotSchema(doctorId)),
    mode: 'onBlur',
    defaultValues: { date: today, startTime: '', endTime: '' },
  });
  const onSubmit = handleSubmit(async (input) => {
    setFormError(null);
    try {
      const slot = await call('slots.addManual', input);
      notifications.show({
        color: 'green',
        message: strings.saved(formatDateMedium(slot.date), formatTime(slot.startTime, timeFormat)),
      });
      refresh();
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, SLOT_FIELD_NAMES));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text size="sm">{strings.intro}</Text>
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <DateFormField control={control} name="date" label={strings.date} autoFocus />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TimeFields register={register} errors={formState.errors} startName="startTime" endName="endTime" />
        </SimpleGrid>
        <DialogButtons
          submitLabel={strings.save}
          cancelLabel={doctorsStrings.cancel}
          submitting={formState.isSubmitting}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

interface SessionDialogProps {
  kind: 'extra' | 'slot' | null;
  doctorId: number;
  today: string;
  onClose: () => void;
}

/** "Add extra session" and "Add one-off slot". */
export function SessionDialog({ kind, doctorId, today, onClose }: SessionDialogProps) {
  const title = kind === 'slot' ? doctorsStrings.slot.title : doctorsStrings.extra.title;
  return (
    <Modal opened={kind !== null} onClose={onClose} title={title} size="lg">
      {kind === 'extra' ? <ExtraSessionForm doctorId={doctorId} today={today} onDone={onClose} /> : null}
      {kind === 'slot' ? <OneOffSlotForm doctorId={doctorId} today={today} onDone={onClose} /> : null}
    </Modal>
  );
}
