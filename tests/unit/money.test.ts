import { describe, expect, it } from 'vitest';
import { amountSchema } from '#contract/payments.ts';
import {
  decimalToMinor,
  formatMajorNumber,
  formatMinor,
  formatMinorCode,
  majorNumberToMinor,
  minorDigitsOf,
  minorToDecimal,
  readAmount,
  toMajorNumber,
} from '#shared/money.ts';
import { parseMinor } from '../../main/services/payments/amount-field.ts';
import { AppError } from '../../main/services/core/errors.ts';

/** What main answers for a typed amount: minor units, or the VALIDATION error's field sentence. */
function mainReads(text: string, digits: number, allowZero = false): number | string {
  try {
    return parseMinor(text, digits, 'amount', 'amount', allowZero);
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION') return error.fields?.['amount'] ?? error.message;
    throw error;
  }
}

describe('one money rule for main and the window', () => {
  it('knows each currency’s decimals from Intl', () => {
    expect(minorDigitsOf('USD')).toBe(2);
    expect(minorDigitsOf('JPY')).toBe(0);
    expect(minorDigitsOf('KWD')).toBe(3);
    expect(minorDigitsOf('BHD')).toBe(3);
  });

  it('refuses "12.500" for a two-decimal currency on both sides (main used to take it as 12.50)', () => {
    // The window's forms (decimalToMinor) and main's services (parseMinor) now read the same.
    expect(decimalToMinor('12.500', 2)).toBeNull();
    expect(mainReads('12.500', 2)).toMatch(/^Use at most 2 decimals for the amount/);
    expect(mainReads('0.000', 2, true)).toMatch(/at most 2 decimals/);
    // ...and take it as twelve and a half in a three-decimal currency (KWD, BHD).
    expect(decimalToMinor('12.500', 3)).toBe(12500);
    expect(mainReads('12.500', 3)).toBe(12500);
  });

  it('reads amounts exactly in currencies with 0, 2 and 3 decimals', () => {
    expect(mainReads('12.50', 2)).toBe(1250);
    expect(mainReads(' 0.10 ', 2)).toBe(10);
    expect(mainReads('1200', 0)).toBe(1200);
    expect(mainReads('12.5', 0)).toBe('Use whole numbers for the amount: this currency has no decimals.');
    expect(mainReads('12.005', 3)).toBe(12005);
    expect(mainReads('12.0005', 3)).toMatch(/as a number/);
    expect(mainReads('999999999.99', 2)).toBe(99999999999);
  });

  it('refuses zero unless allowed, and anything that is not a plain decimal', () => {
    expect(mainReads('0.00', 2)).toMatch(/greater than zero/);
    expect(mainReads('0', 2, true)).toBe(0);
    expect(decimalToMinor('0', 2)).toBe(0);
    for (const text of ['-5', 'ten', '1e3', '', '.5', '5.', '+5', '0x10']) {
      expect(readAmount(text, 2)).toEqual({ ok: false, problem: 'shape' });
      expect(mainReads(text, 2)).toBe('Enter the amount as a number, for example 12.50.');
    }
  });

  it('takes no thousands separators: the point is always the decimal point', () => {
    for (const text of ['1,250', '1,250.50', '1.250,50', '12,50', '1 250', '1.250.000', "1'250"]) {
      expect(readAmount(text, 2)).toEqual({ ok: false, problem: 'separators' });
      expect(decimalToMinor(text, 2)).toBeNull();
      expect(mainReads(text, 2)).toBe(
        'Enter the amount as a number without thousands separators, with a point for decimals, for example 1250.50.',
      );
    }
    // The contract says so before the currency is known.
    const refused = amountSchema('float').safeParse('1.250,00');
    expect(refused.success ? null : refused.error.issues[0]?.message).toMatch(/float .*without thousands separators/);
    expect(amountSchema('float').safeParse(' 12.5 ')).toEqual({ success: true, data: '12.5' });
  });

  it('writes minor units exactly, through Intl in the given locale', () => {
    expect(minorToDecimal(-5, 2)).toBe('-0.05');
    expect(minorToDecimal(1200, 0)).toBe('1200');
    expect(minorToDecimal(900719925474099, 2)).toBe('9007199254740.99');
    expect(formatMinor(123456789, 'USD', 2, 'en-US')).toBe('$1,234,567.89');
    expect(formatMinor(1200, 'JPY', 0, 'en-US')).toBe('¥1,200');
    expect(formatMinor(12005, 'KWD', 3, 'en-US')).toBe('KWD\u00a012.005');
    expect(formatMinor(1250, 'EUR', 2, 'de-DE')).toBe('12,50\u00a0€');
    expect(formatMajorNumber(45, 'GBP', 'en-GB')).toBe('£45.00');
  });

  it('writes main’s sentences and documents the same on every machine', () => {
    expect(formatMinorCode(123450, 'GBP', 2)).toBe('GBP 1,234.50');
    expect(formatMinorCode(-5, 'GBP', 2)).toBe('-GBP 0.05');
    expect(formatMinorCode(1200000, 'JPY', 0)).toBe('JPY 1,200,000');
    expect(formatMinorCode(12005, 'BHD', 3)).toBe('BHD 12.005');
  });

  it('converts the REAL major amounts kept for the seed schema', () => {
    expect(toMajorNumber(1250, 2)).toBe(12.5);
    expect(majorNumberToMinor(12.5, 2)).toBe(1250);
    expect(majorNumberToMinor(0.1 + 0.2, 2)).toBe(30);
    expect(majorNumberToMinor(12.005, 3)).toBe(12005);
  });
});
