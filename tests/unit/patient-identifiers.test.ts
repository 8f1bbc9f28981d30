import { describe, expect, it } from 'vitest';
import { identifierKey } from '#db/identifier-search.ts';
import { languageName, languageTag } from '#shared/languages.ts';
import { typedIdentifierKey } from '../../main/services/patients/patient-search.ts';
import { MATCH, matchQuality } from '../../main/services/patients/search-rank.ts';

// The small rules behind demographics: a card number's search key, what typed text counts as
// one, how a matched number ranks, and a language typed by code or by name.

describe('card number keys', () => {
  it('ignore spaces, dashes, dots, slashes and case', () => {
    expect(identifierKey('ab 123-456/7.8')).toBe('AB12345678');
    expect(identifierKey('CH-2291-77')).toBe(identifierKey('ch 2291 77'));
  });

  it('are looked up only for text that looks like a card number', () => {
    expect(typedIdentifierKey('ch-2291')).toBe('CH2291');
    expect(typedIdentifierKey('  1990 1234 ')).toBe('19901234');
    // Names, too-short keys and other characters are not card numbers.
    expect(typedIdentifierKey('Amara Silva')).toBeNull();
    expect(typedIdentifierKey('12')).toBeNull();
    expect(typedIdentifierKey('+94 77')).toBeNull();
    expect(typedIdentifierKey('Zoë 123')).toBeNull();
  });

  it('rank a whole number as exact and its start as a prefix', () => {
    const patient = { patientId: 5, name: 'Amara Silva', phone: null };
    const matched = { matchedIdentifier: { value: 'CH-2291-77' } };
    expect(matchQuality('ch229177', { ...patient, ...matched })).toBe(MATCH.exact);
    expect(matchQuality('CH-22', { ...patient, ...matched })).toBe(MATCH.prefix);
    expect(matchQuality('CH-22', patient)).toBe(MATCH.contains);
  });
});

describe('preferred language', () => {
  it('is stored as a code, from a code, a code with a region or an English name', () => {
    expect(languageTag('SI')).toBe('si');
    expect(languageTag('fr_ca')).toBe('fr-CA');
    expect(languageTag(' Tamil ')).toBe('ta');
    expect(languageTag('Klingon')).toBeNull();
    expect(languageTag('xx')).toBeNull();
    expect(languageName('si')).toBe('Sinhala');
  });
});
