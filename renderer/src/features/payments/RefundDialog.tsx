import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { paymentMethodSchema, type Account, type PaymentMethod } from '../../../../preload/contract-payments.ts';
import { reasonSchema } from '../../../../preload/schemas.ts';
import { call } from '../../api/client.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { decimalToMinor, minorToDecimal } from '../../lib/money.ts';
import { enterSubmits } from '../front-desk/enter-submits.ts';
import { AmountInput } from './AmountInput.tsx';
import { MethodField } from './MethodField.tsx';
import { amountFieldSchema } from './money-form.ts';
import { paymentsStrings } from './strings.ts';
import type { MoneyMovement } from './TakePaymentDialog.tsx';
import { NESTED_Z, useMoney } from './use-money.ts';

const strings = paymentsStrings.refund;

export interface RefundPolicy {
  /** Refunds above this many minor units need an admin; null when there is no limit or it is unknown. */
  thresholdMinor: number | null;
  isAdmin: boolean;
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
  const [formError, setFormError] = useState<string | null>(null);
  const schema = z.object({
    amount: amountFieldSchema(account.minorDigits, {
      max: { minor: refundable, message: paymentsStrings.amountOverRefundable(money(refundable)) },
    }),
    method: paymentMethodSchema,
    reason: reasonSchema('reason for the refund'),
  });
  const { register, control, handleSubmit, setError, formState } = useForm({
    resolver: zodResolver(schema),
    mode: 'onBlur',
    defaultValues: {
      amount: minorToDecimal(refundable, account.minorDigits),
      method: account.lastMethod ?? ('cash' as PaymentMethod),
      reason: '',
    },
  });
  const typed = useWatch({ control, name: 'amount' });
  const typedMinor = decimalToMinor(typed, account.minorDigits);
  const needsAdmin =
    !policy.isAdmin && policy.thresholdMinor !== null && typedMinor !== null && typedMinor > policy.thresholdMinor;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      const movement = await call('payments.refund', { appointmentId: account.appointmentId, ...values });
      const entry = movement.account.entries.find((e) => e.entryId === movement.entryId);
      onRefunded(movement, entry?.amountMinor ?? 0);
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['amount', 'method', 'reason']));
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} onKeyDown={enterSubmits}>
      <Stack>
        <Text>{strings.body(money(refundable))}</Text>
        {formError ? <FormAlert>{formError}</FormAlert> : null}
        <AmountInput
          label={strings.amount}
          currency={account.currency}
          data-autofocus
          onFocus={(event) => event.currentTarget.select()}
          error={formState.errors.amount?.message}
          {...register('amount')}
        />
        {needsAdmin && policy.thresholdMinor !== null ? (
          <Alert color="orange" variant="light" icon={<IconShieldLock aria-hidden />} role="status">
            {strings.needsAdmin(money(policy.thresholdMinor))}
          </Alert>
        ) : null}
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
          label={strings.reason}
          description={strings.reasonHint}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          autoComplete="off"
          error={formState.errors.reason?.message}
          {...register('reason')}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onClose}>
            {strings.cancel}
          </Button>
          <Button type="submit" color="red" loading={formState.isSubmitting} disabled={needsAdmin}>
            {strings.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface RefundDialogProps extends RefundFormProps {
  opened: boolean;
}

/** Money paid back as a new reversing entry, with a reason; large refunds need an admin. */
export function RefundDialog({ opened, account, ...props }: RefundDialogProps) {
  return (
    <Modal opened={opened} onClose={props.onClose} title={strings.title(account.patient.name)} zIndex={NESTED_Z}>
      {opened ? <RefundForm account={account} {...props} /> : null}
    </Modal>
  );
}
