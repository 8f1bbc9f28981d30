import { zodResolver } from '@hookform/resolvers/zod';
import { Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { paymentMethodSchema, type Account, type PaymentMethod } from '../../../../preload/contract-payments.ts';
import type { ChannelOutput } from '../../../../preload/contract.ts';
import { call } from '../../api/client.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { minorToDecimal } from '../../lib/money.ts';
import { DialogButtons } from '../admin/users/DialogButtons.tsx';
import { enterSubmits } from '../front-desk/enter-submits.ts';
import { AmountInput } from './AmountInput.tsx';
import { MethodField } from './MethodField.tsx';
import { amountFieldSchema, currencyHint } from './money-form.ts';
import { paymentsStrings } from './strings.ts';
import { NESTED_Z, useMoney } from './use-money.ts';

const strings = paymentsStrings.take;
export type MoneyMovement = ChannelOutput<'payments.take'>;

interface TakePaymentFormProps {
  account: Account;
  onClose: () => void;
  onTaken: (movement: MoneyMovement, amountMinor: number) => void;
}

function TakePaymentForm({ account, onClose, onTaken }: TakePaymentFormProps) {
  const money = useMoney(account);
  const [formError, setFormError] = useState<string | null>(null);
  const schema = z.object({
    amount: amountFieldSchema(account.minorDigits, {
      max: { minor: account.balanceMinor, message: paymentsStrings.amountOverBalance(money(account.balanceMinor)) },
    }),
    method: paymentMethodSchema,
    reference: z.string().trim().max(120, 'Use at most 120 characters for the reference.'),
  });
  const { register, control, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(schema),
    mode: 'onBlur',
    defaultValues: {
      amount: minorToDecimal(account.balanceMinor, account.minorDigits),
      method: 'cash' as PaymentMethod,
      reference: '',
    },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const movement = await call('payments.take', {
        appointmentId: account.appointmentId,
        amount: values.amount,
        method: values.method,
        reference: values.reference || null,
      });
      const entry = movement.account.entries.find((e) => e.entryId === movement.entryId);
      onTaken(movement, entry?.amountMinor ?? 0);
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['amount', 'method', 'reference']));
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} onKeyDown={enterSubmits}>
      <Stack>
        <Text>{strings.balance(money(account.balanceMinor))}</Text>
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <AmountInput
          label={strings.amount}
          description={strings.amountHint(currencyHint(account.minorDigits))}
          currency={account.currency}
          data-autofocus
          onFocus={(event) => event.currentTarget.select()}
          error={formState.errors.amount?.message}
          {...register('amount')}
        />
        <Controller
          control={control}
          name="method"
          render={({ field, fieldState }) => (
            <MethodField
              label={strings.method}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
            />
          )}
        />
        <TextInput
          label={strings.reference}
          description={strings.referenceHint}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          autoComplete="off"
          error={formState.errors.reference?.message}
          {...register('reference')}
        />
        <DialogButtons
          submitLabel={strings.submit}
          cancelLabel={strings.cancel}
          submitting={formState.isSubmitting}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

interface TakePaymentDialogProps extends TakePaymentFormProps {
  opened: boolean;
}

/** Money received for an appointment: the balance is prefilled, Enter takes it. */
export function TakePaymentDialog({ opened, account, onClose, onTaken }: TakePaymentDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={strings.title(account.patient.name)} zIndex={NESTED_Z}>
      {opened ? <TakePaymentForm account={account} onClose={onClose} onTaken={onTaken} /> : null}
    </Modal>
  );
}
