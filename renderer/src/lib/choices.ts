import { canonicalTimeZone, timeZoneNames } from '#shared/time-zones.ts';

// Options for the time-zone and currency pickers (setup and admin settings).

export interface Choice {
  value: string;
  label: string;
}

/** This computer's zone by its canonical name (ICU may say Asia/Calcutta for Asia/Kolkata). */
export function computerTimeZone(): string {
  return canonicalTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC') ?? 'UTC';
}

/**
 * Canonical zone names only (the same ones the contract stores); a zone already chosen is
 * listed by its canonical name too, so an old stored alias selects the right option.
 */
export function timeZoneChoices(ensure?: string): Choice[] {
  const zones = timeZoneNames();
  const current = ensure ? canonicalTimeZone(ensure) : null;
  const all = current && !zones.includes(current) ? [current, ...zones] : zones;
  return all.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));
}

export function currencyChoices(locale?: string): Choice[] {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames(locale ? [locale, 'en'] : ['en'], { type: 'currency' });
  } catch {
    names = null;
  }
  return Intl.supportedValuesOf('currency').map((code) => {
    const name = names?.of(code);
    return { value: code, label: name && name !== code ? `${code} · ${name}` : code };
  });
}

// The currency most clinics in a region use; anything not listed falls back to USD.
const EURO_REGIONS = 'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK'.split(' ');
const REGION_CURRENCY: Record<string, string> = {
  ...Object.fromEntries(EURO_REGIONS.map((region) => [region, 'EUR'])),
  AE: 'AED',
  AR: 'ARS',
  AU: 'AUD',
  BD: 'BDT',
  BR: 'BRL',
  CA: 'CAD',
  CH: 'CHF',
  CL: 'CLP',
  CN: 'CNY',
  CO: 'COP',
  CZ: 'CZK',
  DK: 'DKK',
  EG: 'EGP',
  GB: 'GBP',
  GH: 'GHS',
  HK: 'HKD',
  HU: 'HUF',
  ID: 'IDR',
  IL: 'ILS',
  IN: 'INR',
  JP: 'JPY',
  KE: 'KES',
  KR: 'KRW',
  LK: 'LKR',
  MA: 'MAD',
  MX: 'MXN',
  MY: 'MYR',
  NG: 'NGN',
  NO: 'NOK',
  NZ: 'NZD',
  PE: 'PEN',
  PH: 'PHP',
  PK: 'PKR',
  PL: 'PLN',
  RO: 'RON',
  RS: 'RSD',
  SA: 'SAR',
  SE: 'SEK',
  SG: 'SGD',
  TH: 'THB',
  TR: 'TRY',
  TW: 'TWD',
  UA: 'UAH',
  US: 'USD',
  VN: 'VND',
  ZA: 'ZAR',
};

export function defaultCurrency(language: string | undefined = globalThis.navigator?.language): string {
  try {
    const region = language ? new Intl.Locale(language).maximize().region : undefined;
    return (region && REGION_CURRENCY[region]) ?? 'USD';
  } catch {
    return 'USD';
  }
}
