import { zodResolver } from '@hookform/resolvers/zod';
import { Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Account } from '../../../../preload/contract-payments.ts';
import { reasonSchema } from '../../../../preload/schemas.ts';
import { call } from '../../api/client.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { FormAlert } from '../../components/FormAlert.tsx';
import { minorToDecimal } from '../../lib/money.ts';
import { DialogButtons } from '../admin/users/DialogButtons.tsx';
import { enterSubmits } from '../front-desk/enter-submits.ts';
import { AmountInput } from './AmountInput.tsx';
import { amountFieldSchema, currencyHint } from './money-form.ts';
import { paymentsStrings } from './strings.ts';
import { NESTED_Z, useMoney } from './use-money.ts';

const strings = paymentsStrings.charge;
const KINDS = ['discount', 'waiver', 'correction'] as const;
type ChargeKind = (typeof KINDS)[number];
const isKind = (value: string): value is ChargeKind => (KINDS as readonly string[]).includes(value);

interface ChangeChargeFormProps {
  account: Account;
  onClose: () => void;
  onChanged: () => void;
}

function ChangeChargeForm({ account, onClose, onChanged }: ChangeChargeFormProps) {
  const money = useMoney(account);
  const [formError, setFormError] = useState<string | null>(null);
  const schema = z.object({
    amount: amountFieldSchema(account.minorDigits, { allowZero: true }),
    kind: z.enum(KINDS),
    reason: reasonSchema('reason for the change'),
  });
  const { register, control, handleSubmit, setError, setValue, formState } = useForm({
    resolver: zodResolver(schema),
    mode: 'onBlur',
    defaultValues: {
      amount: minorToDecimal(account.chargeMinor, account.minorDigits),
      kind: 'discount' as ChargeKind,
      reason: '',
    },
  });

  const onSubmit = handleSubmit(async ({ amount, kind, reason }) => {
    setFormError(null);
    try {
      const after = await call('payments.adjustCharge', {
        appointmentId: account.appointmentId,
        amount,
        reason: strings.reasonSent(strings.kinds[kind], reason),
      });
      notifications.show({ color: 'green', message: strings.done(money(after.chargeMinor)) });
      onChanged();
    } catch (error) {
      setFormError(applyServerErrors(error, setError, ['amount', 'reason']));
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} onKeyDown={enterSubmits}>
      <Stack>
        <Text>{strings.current(money(account.chargeMinor), money(account.feeDefaultMinor))}</Text>
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
          name="kind"
          render={({ field }) => (
            <Radio.Group
              label={strings.kind}
              value={field.value}
              onChange={(next) => {
                if (!isKind(next)) return;
                field.onChange(next);
                if (next === 'waiver') setValue('amount', minorToDecimal(0, account.minorDigits));
              }}
            >
              <Group gap="lg" mt={6}>
                {KINDS.map((kind) => (
                  <Radio key={kind} value={kind} label={strings.kinds[kind]} />
                ))}
              </Group>
            </Radio.Group>
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

/** A discount, waiver or correction of what the visit costs: the new total and why (audited). */
export function ChangeChargeDialog({ opened, account, ...props }: ChangeChargeFormProps & { opened: boolean }) {
  return (
    <Modal opened={opened} onClose={props.onClose} title={strings.title(account.patient.name)} zIndex={NESTED_Z}>
      {opened ? <ChangeChargeForm account={account} {...props} /> : null}
    </Modal>
  );
}
