import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { optionalTextSchema, reasonSchema } from '#contract/fields.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';

interface ReasonDialogProps {
  opened: boolean;
  title: string;
  /** The consequence, named once. */
  body: string;
  reasonLabel: string;
  reasonHint?: string;
  /** The words main uses in "Enter the …" for this reason. */
  reasonWords: string;
  /** The reason may be left empty (a no-show: the desk often does not know why). */
  reasonOptional?: boolean;
  confirmLabel: string;
  /** Red unless the step is not destructive (moving an appointment). */
  confirmColor?: string;
  keepLabel: string;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
  /** A choice shown below the reason (a series visit: only this one, or this and following). */
  children?: ReactNode;
}

function ReasonForm({ onClose, ...props }: Omit<ReasonDialogProps, 'opened' | 'title'>) {
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(
      z.object({
        reason: props.reasonOptional
          ? optionalTextSchema(200, props.reasonWords).transform((reason) => reason ?? '')
          : reasonSchema(props.reasonWords),
      }),
    ),
    mode: 'onBlur',
    defaultValues: { reason: '' },
  });
  const onSubmit = handleSubmit(async ({ reason }) => {
    setFormError(null);
    try {
      await props.onConfirm(reason);
      onClose();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['reason']));
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <Text>{props.body}</Text>
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <TextInput
          label={props.reasonLabel}
          description={props.reasonHint}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data-autofocus
          autoComplete="off"
          error={formState.errors.reason?.message}
          {...register('reason')}
        />
        {props.children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {props.keepLabel}
          </Button>
          <Button type="submit" color={props.confirmColor ?? 'red'} loading={formState.isSubmitting}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A destructive step that keeps a reason: asks once, naming the consequence; the reason is required unless `reasonOptional`. */
export function ReasonDialog({ opened, title, ...props }: ReasonDialogProps) {
  return (
    <Modal opened={opened} onClose={props.onClose} title={title}>
      {opened ? <ReasonForm {...props} /> : null}
    </Modal>
  );
}
