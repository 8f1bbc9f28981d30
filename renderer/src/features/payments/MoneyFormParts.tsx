import { Modal, Stack, Text, TextInput, type TextInputProps } from '@mantine/core';
import { forwardRef, type ComponentProps, type FormEventHandler, type ReactNode } from 'react';
import type { ControllerFieldState } from 'react-hook-form';
import type { PaymentMethod } from '#contract/payments.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { DialogButtons, type DialogButtonsProps } from '../../ui/DialogButtons.tsx';
import { enterSubmits } from '../../lib/enter-submits.ts';
import { AmountInput } from './AmountInput.tsx';
import { MethodField } from './MethodField.tsx';
import { NESTED_Z } from './use-money.ts';

// The parts every money dialog of an account (take payment, refund, change charge) is made of.

interface MoneyDialogProps {
  opened: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/** A dialog above the account drawer; its form is made afresh each time it opens. */
export function MoneyDialog({ opened, title, onClose, children }: MoneyDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} zIndex={NESTED_Z}>
      {opened ? children : null}
    </Modal>
  );
}

interface MoneyFormProps extends DialogButtonsProps {
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** The sentence above the fields: what is owed, refundable or charged now. */
  intro: ReactNode;
  /** A refusal that belongs to no one field. */
  formError: string | null;
  children: ReactNode;
}

/** The form of a money dialog: Enter submits from any field, Cancel and the submit button at the foot. */
export function MoneyForm({ onSubmit, intro, formError, children, ...footer }: MoneyFormProps) {
  return (
    <form noValidate onSubmit={onSubmit} onKeyDown={enterSubmits}>
      <Stack>
        <Text>{intro}</Text>
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        {children}
        <DialogButtons {...footer} />
      </Stack>
    </form>
  );
}

/** The amount, prefilled and focused when the dialog opens, selected so typing replaces it. */
export const PrefilledAmountInput = forwardRef<HTMLInputElement, ComponentProps<typeof AmountInput>>(
  function PrefilledAmountInput(props, ref) {
    return <AmountInput ref={ref} data-autofocus onFocus={(event) => event.currentTarget.select()} {...props} />;
  },
);

/** A reason, reference or note: a line of text with its hint under the field. */
export const NoteInput = forwardRef<HTMLInputElement, TextInputProps>(function NoteInput(props, ref) {
  return (
    <TextInput ref={ref} inputWrapperOrder={['label', 'input', 'description', 'error']} autoComplete="off" {...props} />
  );
});

interface MethodRenderProps {
  field: { value: PaymentMethod; onChange: (method: PaymentMethod) => void };
  fieldState: ControllerFieldState;
}

/** The `render` of a react-hook-form Controller over the payment method. */
export const methodFieldRender = (label: string) =>
  function MethodRender({ field, fieldState }: MethodRenderProps) {
    return (
      <MethodField label={label} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
    );
  };
