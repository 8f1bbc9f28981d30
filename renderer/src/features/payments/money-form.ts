import { useState } from 'react';
import type { FieldValues, Path, UseFormHandleSubmit, UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import type { ChannelOutput } from '#contract/index.ts';
import { applyServerErrors } from '../../api/form-errors.ts';
import { decimalToMinor } from '#shared/money.ts';
import { paymentsStrings as strings } from './strings.ts';

/** What main answers to a payment or a refund: the entry recorded and the account after it. */
export type MoneyMovement = ChannelOutput<'payments.take'>;

export interface AmountLimit {
  minor: number;
  /** The sentence shown when the amount is above the limit. */
  message: string;
}

/**
 * An amount as typed ("12.50"), checked as main checks it: a plain decimal with at most the
 * currency's decimals, above zero unless zero is allowed, and not above the limit. The form
 * keeps and sends the text as typed (trimmed); main decides again.
 */
export function amountFieldSchema(minorDigits: number, options: { allowZero?: boolean; max?: AmountLimit } = {}) {
  return z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      const minor = decimalToMinor(text, minorDigits);
      if (minor === null) {
        ctx.addIssue({ code: 'custom', message: strings.amountInvalid(minorDigits) });
        return;
      }
      if (minor === 0 && !options.allowZero) ctx.addIssue({ code: 'custom', message: strings.amountZero });
      else if (options.max && minor > options.max.minor) ctx.addIssue({ code: 'custom', message: options.max.message });
    });
}

/** "for example 12.50" in the currency's own decimals (JPY 1200, KWD 12.500). */
export function currencyHint(minorDigits: number): string {
  const example = minorDigits === 0 ? '20' : `12.${'5'.padEnd(minorDigits, '0')}`;
  return strings.currencyHint(minorDigits, example);
}

/**
 * The submit of a money form: clears the sentence above the form, sends the checked values, and
 * puts a refusal beside the named fields (what fits no field goes above the form). While it
 * runs, the form's `formState.isSubmitting` is the pending state the footer shows.
 */
export function useMoneySubmit<T extends FieldValues, Sent>(
  form: { handleSubmit: UseFormHandleSubmit<T, Sent>; setError: UseFormSetError<T> },
  fieldNames: readonly Path<T>[],
  send: (values: Sent) => Promise<void>,
) {
  const [formError, setFormError] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await send(values);
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, fieldNames));
    }
  });
  return { formError, onSubmit };
}

/** The amount of the entry a payment or refund just recorded (0 when main did not return it). */
export const movedMinor = (movement: MoneyMovement): number =>
  movement.account.entries.find((e) => e.entryId === movement.entryId)?.amountMinor ?? 0;
