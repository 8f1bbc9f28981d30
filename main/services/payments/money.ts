import { AppError } from '../core/errors.ts';

// Exact money: integers in minor units (cents) everywhere; decimal strings only at the edges.

const digitsByCurrency = new Map<string, number>();

/** How many decimals a currency has: JPY 0, USD 2, KWD 3. (Remembered: Intl is slow to build.) */
export function minorDigitsOf(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    if (digitsByCurrency.size < 1000) digitsByCurrency.set(currency, digits);
  }
  return digits;
}

const DECIMAL = /^(\d{1,9})(?:\.(\d{1,3}))?$/;

/**
 * "12.50" → 1250 for a 2-decimal currency. Refuses more decimals than the currency has with a
 * sentence naming `field`, and zero unless `allowZero`.
 */
export function parseMinor(text: string, digits: number, field: string, label: string, allowZero = false): number {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw fieldError(field, `Enter the ${label} as a number, for example ${example(digits)}.`);
  const fraction = match[2] ?? '';
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) {
    const sentence =
      digits === 0
        ? `Use whole numbers for the ${label}: this currency has no decimals.`
        : `Use at most ${digits} decimal${digits === 1 ? '' : 's'} for the ${label}.`;
    throw fieldError(field, sentence);
  }
  const minor = Number(match[1]) * 10 ** digits + Number(significant.padEnd(digits, '0') || '0');
  if (minor === 0 && !allowZero) throw fieldError(field, `Enter a ${label} greater than zero.`);
  return minor;
}

/** 1250 → "12.50"; exact, never through a float. */
export function formatMajor(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const text = String(abs).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** For display in PDFs: "USD 12.50" with thousands separators. */
export function formatMoney(minor: number, currency: string, digits: number): string {
  const major = formatMajor(minor, digits);
  const [whole = '0', fraction] = major.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${minor < 0 ? '-' : ''}${currency} ${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** The REAL major-units value kept in `payments.amount` and the settings form. */
export const toMajorNumber = (minor: number, digits: number): number => Number(formatMajor(minor, digits));

/** A major-units number (doctor's fee, settings) to minor units, rounded to the currency. */
export const majorNumberToMinor = (major: number, digits: number): number => Math.round(major * 10 ** digits);

function example(digits: number): string {
  return digits === 0 ? '1200' : `12.${'5'.padEnd(digits, '0')}`;
}

function fieldError(field: string, message: string): AppError {
  return new AppError('VALIDATION', message, { [field]: message });
}
