// The one money rule, shared by main and the window. Exact money: integers in minor units
// (cents) everywhere; decimal strings only at the edges, never through a float.
//
// Typed amounts: digits with an optional point and decimals ("1250", "12.50"). The point is
// always the decimal point, whatever the locale, and thousands separators are not accepted
// ("1,250", "1.250,00", "1 250" are refused), so "12.500" is never read as twelve thousand five
// hundred: it is 12.5 with three decimals, refused for a two-decimal currency (USD) and
// 12.500 in a three-decimal one (KWD, BHD). An amount never has more decimals than its
// currency, even trailing zeros, so what the desk typed is what is recorded.

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

/** The shape every typed amount must have before its currency is known (the contract checks it). */
export const AMOUNT_PATTERN = /^(\d{1,9})(?:\.(\d{1,3}))?$/;

/** Digits grouped by a comma, a point, a space or an apostrophe: a thousands separator. */
const GROUPED = /^\d{1,3}([,.' \u00a0\u202f]\d{3})+([.,]\d+)?$/;

export type AmountProblem = 'shape' | 'separators' | 'decimals' | 'zero';
export type AmountReading = { ok: true; minor: number } | { ok: false; problem: AmountProblem };

/** Why a typed amount is not even a plain decimal (before its currency is known), or null. */
export function amountShapeProblem(text: string): 'shape' | 'separators' | null {
  const trimmed = text.trim();
  if (AMOUNT_PATTERN.test(trimmed)) return null;
  return trimmed.includes(',') || GROUPED.test(trimmed) ? 'separators' : 'shape';
}

/** "12.50" → 1250 for a 2-decimal currency; why not, when it cannot be read exactly. */
export function readAmount(text: string, digits: number, options: { allowZero?: boolean } = {}): AmountReading {
  const match = AMOUNT_PATTERN.exec(text.trim());
  if (!match) return { ok: false, problem: amountShapeProblem(text) ?? 'shape' };
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return { ok: false, problem: 'decimals' };
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (minor === 0 && !options.allowZero) return { ok: false, problem: 'zero' };
  return { ok: true, minor };
}

/** The window's reading of an amount field: minor units, or null when main would refuse it. */
export function decimalToMinor(text: string, digits: number): number | null {
  const reading = readAmount(text, digits, { allowZero: true });
  return reading.ok ? reading.minor : null;
}

/** "for example 12.50" in the currency's own decimals (JPY 1200, KWD 12.500). */
export const amountExample = (digits: number): string => (digits === 0 ? '1200' : `12.${'5'.padEnd(digits, '0')}`);

/** The plain sentence for a refused amount, naming what it is (`label`: "amount", "float"…). */
export function amountProblemSentence(problem: AmountProblem, digits: number, label: string): string {
  switch (problem) {
    case 'shape':
      return `Enter the ${label} as a number, for example ${amountExample(digits)}.`;
    case 'separators':
      return `Enter the ${label} as a number without thousands separators, with a point for decimals, for example ${digits === 0 ? '1200' : `1250.${'5'.padEnd(digits, '0')}`}.`;
    case 'zero':
      return `Enter a ${label} greater than zero.`;
    case 'decimals':
      return digits === 0
        ? `Use whole numbers for the ${label}: this currency has no decimals.`
        : `Use at most ${digits} decimal${digits === 1 ? '' : 's'} for the ${label} (the point is the decimal point: type thousands without separators).`;
  }
}

/** 1234 with 2 digits → "12.34"; -5 → "-0.05"; 1234 with 0 digits → "1234". Exact. */
export function minorToDecimal(minor: number, digits: number): string {
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${text}`;
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** The REAL major-units value kept in `payments.amount` and the settings form. */
export const toMajorNumber = (minor: number, digits: number): number => Number(minorToDecimal(minor, digits));

/** A major-units number (doctor's fee, settings) to minor units, rounded to the currency. */
export const majorNumberToMinor = (major: number, digits: number): number => Math.round(major * 10 ** digits);

function currencyFormat(currency: string, locale: string | undefined, digits: number | undefined, code = false) {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    ...(code ? { currencyDisplay: 'code' } : {}),
    ...(digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
  });
}

/**
 * Minor units in the clinic's currency, in `locale` (the window's, when not given), with exactly
 * the currency's decimals: 1250, GBP, 2 → "£12.50". Intl formats the decimal string, not a float.
 */
export function formatMinor(minor: number, currency: string, digits: number, locale?: string): string {
  const decimal = minorToDecimal(minor, digits);
  try {
    return currencyFormat(currency, locale, digits).format(decimal as `${number}`);
  } catch {
    return `${currency} ${decimal}`;
  }
}

/**
 * For main's sentences, receipts and reports, the same on every machine: "GBP 1,234.50",
 * "-GBP 0.05", "JPY 1,200" (English grouping, the currency's code, a plain space).
 */
export function formatMinorCode(minor: number, currency: string, digits: number): string {
  const decimal = minorToDecimal(minor, digits);
  try {
    return currencyFormat(currency, 'en', digits, true)
      .format(decimal as `${number}`)
      .replace(/\u00a0/g, ' ');
  } catch {
    return `${currency} ${decimal}`;
  }
}

/** A major-units number (a doctor's fee) in the currency, in `locale`: 45, GBP → "£45.00". */
export function formatMajorNumber(amount: number, currency: string, locale?: string): string {
  try {
    return currencyFormat(currency, locale, undefined).format(amount);
  } catch {
    return `${currency} ${amount.toFixed(2)}`;
  }
}
