import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { paymentMethodSchema, type Account, type PaymentMethod } from '#contract/payments.ts';
import { call } from '../../api/client.ts';
import { minorToDecimal } from '#shared/money.ts';
import { amountFieldSchema, currencyHint, movedMinor, useMoneySubmit, type MoneyMovement } from './money-form.ts';
import { methodFieldRender, MoneyDialog, MoneyForm, NoteInput, PrefilledAmountInput } from './MoneyFormParts.tsx';
import { paymentsStrings } from './strings.ts';
import { useMoney } from './use-money.ts';

const strings = paymentsStrings.take;

interface TakePaymentFormProps {
  account: Account;
  onClose: () => void;
  onTaken: (movement: MoneyMovement, amountMinor: number) => void;
}

function TakePaymentForm({ account, onClose, onTaken }: TakePaymentFormProps) {
  const money = useMoney(account);
  const schema = z.object({
    amount: amountFieldSchema(account.minorDigits, {
      max: { minor: account.balanceMinor, message: paymentsStrings.amountOverBalance(money(account.balanceMinor)) },
    }),
    method: paymentMethodSchema,
    reference: z.string().trim().max(120, 'Use at most 120 characters for the reference.'),
  });
  const form = useForm({
    resolver: zodResolver(schema),
    mode: 'onBlur',
    defaultValues: {
      amount: minorToDecimal(account.balanceMinor, account.minorDigits),
      method: 'cash' as PaymentMethod,
      reference: '',
    },
  });
  const { register, control, formState } = form;
  const { formError, onSubmit } = useMoneySubmit(form, ['amount', 'method', 'reference'], async (values) => {
    const movement = await call('payments.take', {
      appointmentId: account.appointmentId,
      amount: values.amount,
      method: values.method,
      reference: values.reference || null,
    });
    onTaken(movement, movedMinor(movement));
  });

  return (
    <MoneyForm
      onSubmit={onSubmit}
      intro={strings.balance(money(account.balanceMinor))}
      formError={formError}
      submitLabel={strings.submit}
      cancelLabel={strings.cancel}
      submitting={formState.isSubmitting}
      onCancel={onClose}
    >
      <PrefilledAmountInput
        label={strings.amount}
        description={strings.amountHint(currencyHint(account.minorDigits))}
        currency={account.currency}
        error={formState.errors.amount?.message}
        {...register('amount')}
      />
      <Controller control={control} name="method" render={methodFieldRender(strings.method)} />
      <NoteInput
        label={strings.reference}
        description={strings.referenceHint}
        error={formState.errors.reference?.message}
        {...register('reference')}
      />
    </MoneyForm>
  );
}

interface TakePaymentDialogProps extends TakePaymentFormProps {
  opened: boolean;
}

/** Money received for an appointment: the balance is prefilled, Enter takes it. */
export function TakePaymentDialog({ opened, account, onClose, onTaken }: TakePaymentDialogProps) {
  return (
    <MoneyDialog opened={opened} onClose={onClose} title={strings.title(account.patient.name)}>
      <TakePaymentForm account={account} onClose={onClose} onTaken={onTaken} />
    </MoneyDialog>
  );
}
