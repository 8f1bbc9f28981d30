import { identifierKey } from '#db/identifier-search.ts';
import { searchTokens } from './patient-search.ts';

// How well a found patient answers what was typed, so the desk sees the likely caller first.

/** Lower is better: the whole surname, phone, number or card number; the start of one; anywhere inside. */
export const MATCH = { exact: 0, prefix: 1, contains: 2 } as const;
export type MatchQuality = (typeof MATCH)[keyof typeof MATCH];

export interface RankedFields {
  patientId: number;
  name: string;
  phone: string | null;
  /** The ID or insurance member number the typed text is the start of. */
  matchedIdentifier?: { value: string } | undefined;
}

/** Lower case without accents, so "Pérez" typed as "perez" is still exact. */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const nameWordsOf = (name: string): string[] =>
  fold(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

function numberQuality(query: string, patientId: number): MatchQuality | null {
  const digits = /^p-?(\d{1,9})$/i.exec(query.trim())?.[1];
  if (!digits) return null;
  if (Number(digits) === patientId) return MATCH.exact;
  return String(patientId).padStart(6, '0').startsWith(digits) ? MATCH.prefix : null;
}

function phoneQuality(query: string, phone: string | null): MatchQuality | null {
  const digits = phone?.replace(/\D/g, '') ?? '';
  if (!/^[+\d\s().-]+$/.test(query.trim()) || digits === '') return null;
  const typed = query.replace(/\D/g, '');
  // "0771234567" typed for "+94771234567": the number without its trunk zero and country code.
  const local = typed.replace(/^0+/, '');
  if (digits === typed || (local.length >= 7 && digits.endsWith(local))) return MATCH.exact;
  return typed !== '' && digits.startsWith(typed) ? MATCH.prefix : null;
}

function identifierQuality(query: string, matched: { value: string } | undefined): MatchQuality | null {
  if (!matched) return null;
  return identifierKey(matched.value) === identifierKey(query.trim()) ? MATCH.exact : MATCH.prefix;
}

function nameQuality(tokens: readonly string[], name: string): MatchQuality | null {
  const words = nameWordsOf(name);
  const typed = tokens.flatMap(nameWordsOf);
  if (typed.length === 0 || words.length === 0) return null;
  const surname = words.at(-1);
  if (typed.length === 1 && typed[0] === surname) return MATCH.exact;
  if (typed.length > 1 && typed.every((t) => words.includes(t))) return MATCH.exact;
  if (typed.every((t) => words.some((w) => w.startsWith(t)))) return MATCH.prefix;
  return null;
}

/** The best of the ways the typed text matches this patient. */
export function matchQuality(query: string, patient: RankedFields): MatchQuality {
  const tokens = searchTokens(query);
  const qualities = [
    numberQuality(query, patient.patientId),
    phoneQuality(query, patient.phone),
    identifierQuality(query, patient.matchedIdentifier),
    nameQuality(tokens, patient.name),
  ].filter((q): q is MatchQuality => q !== null);
  return qualities.length === 0 ? MATCH.contains : (Math.min(...qualities) as MatchQuality);
}

/**
 * Best match first; among equals, the latest activity (an appointment's date, past or booked)
 * first; the search's own order otherwise (the sort is stable).
 */
export function rankPatients<T extends RankedFields>(
  query: string,
  patients: readonly T[],
  lastActivity: (patient: T) => string | null,
): T[] {
  const keyed = patients.map((patient) => ({
    patient,
    quality: matchQuality(query, patient),
    activity: lastActivity(patient) ?? '',
  }));
  keyed.sort((a, b) => a.quality - b.quality || (a.activity < b.activity ? 1 : a.activity > b.activity ? -1 : 0));
  return keyed.map((k) => k.patient);
}
