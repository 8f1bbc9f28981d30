import { zodResolver } from '@hookform/resolvers/zod';
import { Group, Radio } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Account } from '#contract/payments.ts';
import { reasonSchema } from '#contract/fields.ts';
import { call } from '../../api/client.ts';
import { minorToDecimal } from '#shared/money.ts';
import { amountFieldSchema, currencyHint, useMoneySubmit } from './money-form.ts';
import { MoneyDialog, MoneyForm, NoteInput, PrefilledAmountInput } from './MoneyFormParts.tsx';
import { paymentsStrings } from './strings.ts';
import { useMoney } from './use-money.ts';

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
  const schema = z.object({
    amount: amountFieldSchema(account.minorDigits, { allowZero: true }),
    kind: z.enum(KINDS),
    reason: reasonSchema('reason for the change'),
  });
  const form = useForm({
    resolver: zodResolver(schema),
    mode: 'onBlur',
    defaultValues: {
      amount: minorToDecimal(account.chargeMinor, account.minorDigits),
      kind: 'discount' as ChargeKind,
      reason: '',
    },
  });
  const { register, control, setValue, formState } = form;
  const { formError, onSubmit } = useMoneySubmit(form, ['amount', 'reason'], async ({ amount, kind, reason }) => {
    const after = await call('payments.adjustCharge', {
      appointmentId: account.appointmentId,
      amount,
      reason: strings.reasonSent(strings.kinds[kind], reason),
    });
    notifications.show({ color: 'green', message: strings.done(money(after.chargeMinor)) });
    onChanged();
  });

  return (
    <MoneyForm
      onSubmit={onSubmit}
      intro={strings.current(money(account.chargeMinor), money(account.feeDefaultMinor))}
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
      <NoteInput
        label={strings.reason}
        description={strings.reasonHint}
        error={formState.errors.reason?.message}
        {...register('reason')}
      />
    </MoneyForm>
  );
}

/** A discount, waiver or correction of what the visit costs: the new total and why (audited). */
export function ChangeChargeDialog({ opened, account, ...props }: ChangeChargeFormProps & { opened: boolean }) {
  return (
    <MoneyDialog opened={opened} onClose={props.onClose} title={strings.title(account.patient.name)}>
      <ChangeChargeForm account={account} {...props} />
    </MoneyDialog>
  );
}
