import { useCallback } from 'react';
import { formatMinor } from '#shared/money.ts';

/** What every amount from main carries: its currency and that currency's decimals. */
export interface MoneyContext {
  currency: string;
  minorDigits: number;
}

/** Formats minor units of one account or report exactly, in its currency. */
export function useMoney(context: MoneyContext | undefined) {
  const currency = context?.currency ?? 'USD';
  const minorDigits = context?.minorDigits ?? 2;
  return useCallback((minor: number) => formatMinor(minor, currency, minorDigits), [currency, minorDigits]);
}

/** Dialogs opened from the account drawer sit above it (Mantine gives both 200), overlay included. */
export const NESTED_Z = 300;
