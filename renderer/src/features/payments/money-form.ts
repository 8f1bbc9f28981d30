import { z } from 'zod';
import { decimalToMinor } from '../../lib/money.ts';
import { paymentsStrings as strings } from './strings.ts';

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
