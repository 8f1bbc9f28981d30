/** An amount in the clinic's currency ("£45.00"), for right-aligned money columns. */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${currency} ${amount.toFixed(2)}`;
  }
}

// Exact money from main: integer minor units (cents) with the currency's number of decimals.
// Nothing here does arithmetic on fractions: amounts stay integers until they become text.

/** 1234 with 2 digits → "12.34"; -5 → "-0.05"; 1234 with 0 digits → "1234". */
export function minorToDecimal(minor: number, minorDigits: number): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(minor))).padStart(minorDigits + 1, '0');
  if (minorDigits === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -minorDigits)}.${digits.slice(-minorDigits)}`;
}

/**
 * "12.5" with 2 digits → 1250. Null for text that is not a plain positive decimal or that has
 * more decimals than the currency (main says which, beside the field).
 */
export function decimalToMinor(text: string, minorDigits: number): number | null {
  const match = /^(\d{1,9})(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > minorDigits) return null;
  return Number(match[1]) * 10 ** minorDigits + Number(fraction.padEnd(minorDigits, '0') || '0');
}

/** Minor units in the clinic's currency format with exactly its decimals: 1250, GBP, 2 → "£12.50". */
export function formatMinor(minor: number, currency: string, minorDigits: number, locale?: string): string {
  const decimal = minorToDecimal(minor, minorDigits);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: minorDigits,
      maximumFractionDigits: minorDigits,
    }).format(decimal as `${number}`);
  } catch {
    return `${currency} ${decimal}`;
  }
}

/** How many decimals a currency has, as main decides it: JPY 0, USD 2, KWD 3. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}
