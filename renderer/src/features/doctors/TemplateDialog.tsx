import { zodResolver } from '@hookform/resolvers/zod';
import { Checkbox, Group, Modal, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import type { Template } from '#contract/schedule.ts';
import { call } from '../../api/client.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { useSettings } from '../../api/settings.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { formatTime, weekdayName, WEEKDAYS_MONDAY_FIRST } from '../../lib/date-format.ts';
import { DialogButtons } from '../../ui/DialogButtons.tsx';
import { useRefreshSchedules } from '../../api/schedule.ts';
import { DateFormField, MinutesFormField, TimeFields } from './FormFields.tsx';
import {
  createTemplateSchema,
  TEMPLATE_FIELD_NAMES,
  updateTemplateSchema,
  type TemplateFormValues,
} from './schedule-forms.ts';
import { doctorsStrings } from './strings.ts';
import { notifyGeneration } from './use-doctor.ts';

const strings = doctorsStrings.templates;

interface TemplateFormProps {
  doctorId: number;
  template: Template | null;
  today: string;
  onDone: () => void;
}

function TemplateForm({ doctorId, template, today, onDone }: TemplateFormProps) {
  const settings = useSettings().data;
  const timeFormat = settings?.timeFormat ?? '24h';
  const refresh = useRefreshSchedules();
  const [formError, setFormError] = useState<string | null>(null);
  const defaults: TemplateFormValues = template
    ? {
        weekdays: template.weekdays.map(String),
        startTime: formatTime(template.startTime, timeFormat),
        endTime: formatTime(template.endTime, timeFormat),
        slotMinutes: template.slotMinutes,
        validFrom: template.validFrom,
        validTo: template.validTo,
      }
    : {
        weekdays: [],
        startTime: '',
        endTime: '',
        slotMinutes: settings?.defaultSlotMinutes ?? 15,
        validFrom: today,
        validTo: null,
      };
  const {
    control,
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({
    resolver: zodResolver(
      template ? updateTemplateSchema(template.templateId, template.version) : createTemplateSchema(doctorId),
    ),
    mode: 'onBlur',
    defaultValues: defaults,
  });

  const onSubmit = handleSubmit(async (input) => {
    setFormError(null);
    try {
      const result =
        'templateId' in input ? await call('templates.update', input) : await call('templates.create', input);
      notifyGeneration(result.generation, (summary) => summary);
      refresh();
      onDone();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, TEMPLATE_FIELD_NAMES));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <Controller
          control={control}
          name="weekdays"
          render={({ field, fieldState }) => (
            <Checkbox.Group
              label={strings.weekdays}
              description={strings.weekdaysHint}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            >
              <Group gap="md" mt={6}>
                {WEEKDAYS_MONDAY_FIRST.map((day, index) => (
                  <Checkbox
                    key={day}
                    value={String(day)}
                    label={weekdayName(day, 'long')}
                    onBlur={field.onBlur}
                    ref={index === 0 ? field.ref : undefined}
                    data-autofocus={index === 0 || undefined}
                  />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }}>
          <TimeFields register={register} errors={errors} startName="startTime" endName="endTime" />
          <MinutesFormField control={control} name="slotMinutes" label={strings.slotMinutes} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <DateFormField control={control} name="validFrom" label={strings.validFrom} />
          <DateFormField
            control={control}
            name="validTo"
            label={strings.validTo}
            description={strings.validToHint}
            clearable
          />
        </SimpleGrid>
        <DialogButtons
          submitLabel={template ? strings.save : strings.create}
          cancelLabel={doctorsStrings.cancel}
          submitting={isSubmitting}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

interface TemplateDialogProps extends Omit<TemplateFormProps, 'onDone'> {
  opened: boolean;
  onClose: () => void;
}

/** Adds or edits a weekly rule; main regenerates the slots and says how many changed. */
export function TemplateDialog({ opened, onClose, template, ...props }: TemplateDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={template ? strings.editTitle : strings.newTitle} size="lg">
      <TemplateForm key={template?.templateId ?? 'new'} template={template} {...props} onDone={onClose} />
    </Modal>
  );
}
