import { zodResolver } from '@hookform/resolvers/zod';
import { Alert } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { paymentMethodSchema, type Account, type PaymentMethod } from '#contract/payments.ts';
import { reasonSchema } from '#contract/fields.ts';
import { call } from '../../api/client.ts';
import { decimalToMinor, minorToDecimal } from '#shared/money.ts';
import { amountFieldSchema, movedMinor, useMoneySubmit, type MoneyMovement } from './money-form.ts';
import { methodFieldRender, MoneyDialog, MoneyForm, NoteInput, PrefilledAmountInput } from './MoneyFormParts.tsx';
import { paymentsStrings } from './strings.ts';
import { useMoney } from './use-money.ts';

const strings = paymentsStrings.refund;

export interface RefundPolicy {
  /** Refunds above this many minor units need an admin; null when there is no limit or it is unknown. */
  thresholdMinor: number | null;
  /** The contract's REFUND_ABOVE_LIMIT_ROLES include the signed-in role. */
  mayExceedLimit: boolean;
}

interface RefundFormProps {
  account: Account;
  policy: RefundPolicy;
  onClose: () => void;
  onRefunded: (movement: MoneyMovement, amountMinor: number) => void;
}

export const refundableOf = (account: Account): number => account.paidMinor - account.refundedMinor;

function RefundForm({ account, policy, onClose, onRefunded }: RefundFormProps) {
  const money = useMoney(account);
  const refundable = refundableOf(account);
  const schema = z.object({
    amount: amountFieldSchema(account.minorDigits, {
      max: { minor: refundable, message: paymentsStrings.amountOverRefundable(money(refundable)) },
    }),
    method: paymentMethodSchema,
    reason: reasonSchema('reason for the refund'),
  });
  const form = useForm({
    resolver: zodResolver(schema),
    mode: 'onBlur',
    defaultValues: {
      amount: minorToDecimal(refundable, account.minorDigits),
      method: account.lastMethod ?? ('cash' as PaymentMethod),
      reason: '',
    },
  });
  const { register, control, formState } = form;
  const typed = useWatch({ control, name: 'amount' });
  const typedMinor = decimalToMinor(typed, account.minorDigits);
  // The limit holds for everything refunded on the visit, as main checks it.
  const needsAdmin =
    !policy.mayExceedLimit &&
    policy.thresholdMinor !== null &&
    typedMinor !== null &&
    account.refundedMinor + typedMinor > policy.thresholdMinor;

  const { formError, onSubmit } = useMoneySubmit(form, ['amount', 'method', 'reason'], async (values) => {
    const movement = await call('payments.refund', { appointmentId: account.appointmentId, ...values });
    onRefunded(movement, movedMinor(movement));
  });

  return (
    <MoneyForm
      onSubmit={onSubmit}
      intro={strings.body(money(refundable))}
      formError={formError}
      submitLabel={strings.submit}
      cancelLabel={strings.cancel}
      submitting={formState.isSubmitting}
      onCancel={onClose}
      submitColor="red"
      submitDisabled={needsAdmin}
    >
      <PrefilledAmountInput
        label={strings.amount}
        currency={account.currency}
        error={formState.errors.amount?.message}
        {...register('amount')}
      />
      {needsAdmin && policy.thresholdMinor !== null ? (
        <Alert color="orange" variant="light" icon={<IconShieldLock aria-hidden />} role="status">
          {account.refundedMinor > 0
            ? strings.needsAdminAfter(money(policy.thresholdMinor), money(account.refundedMinor))
            : strings.needsAdmin(money(policy.thresholdMinor))}
        </Alert>
      ) : null}
      <Controller control={control} name="method" render={methodFieldRender(strings.method)} />
      <NoteInput
        label={strings.reason}
        description={strings.reasonHint}
        error={formState.errors.reason?.message}
        {...register('reason')}
      />
    </MoneyForm>
  );
}

interface RefundDialogProps extends RefundFormProps {
  opened: boolean;
}

/** Money paid back as a new reversing entry, with a reason; large refunds need an admin. */
export function RefundDialog({ opened, account, ...props }: RefundDialogProps) {
  return (
    <MoneyDialog opened={opened} onClose={props.onClose} title={strings.title(account.patient.name)}>
      <RefundForm account={account} {...props} />
    </MoneyDialog>
  );
}
