import { isAppointmentStatus } from '#shared/statuses.ts';
import { appointmentStatusLabels } from '../../../lib/strings.ts';
import { auditStrings as strings } from './strings.ts';

// An audit row's before/after data as sentences a person reads: "Changed phone from … to …".

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Bookkeeping fields that change on every save and say nothing to a reader. */
const QUIET_FIELDS = new Set(['version', 'updatedAt', 'updated_at']);

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0 && prefix) out.set(prefix, value);
    for (const key of keys) flatten(value[key], prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  out.set(prefix, value);
}

const isEmpty = (value: unknown): boolean => value === null || value === undefined || value === '';

export function formatValue(value: unknown, field = ''): string {
  if (isEmpty(value)) return strings.emptyValue;
  // An appointment's status in the words the app shows it with everywhere else.
  if (typeof value === 'string' && /status$/i.test(field) && isAppointmentStatus(value)) {
    return appointmentStatusLabels[value];
  }
  if (typeof value === 'string') return `“${value}”`;
  if (typeof value === 'boolean') return value ? strings.yes : strings.no;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** "dateOfBirth", "date_of_birth" or "account.chargeMinor" as words: "date of birth", "account charge minor". */
export function fieldWords(field: string): string {
  return field
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[._]+/g, ' ')
    .toLowerCase()
    .trim();
}

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * What an audit row records, one sentence per field: what changed between before and after;
 * for a row with only an after (something created), each value given; none when nothing was.
 */
export function auditSentences(before: unknown, after: unknown): string[] {
  const b = new Map<string, unknown>();
  const a = new Map<string, unknown>();
  if (!isEmpty(before)) flatten(before, '', b);
  if (!isEmpty(after)) flatten(after, '', a);
  const onlyAfter = b.size === 0;
  const sentences: string[] = [];
  for (const field of new Set([...b.keys(), ...a.keys()])) {
    if (QUIET_FIELDS.has(field.split('.').at(-1) ?? field)) continue;
    const was = b.get(field);
    const now = a.get(field);
    const words = fieldWords(field) || strings.emptyValue;
    if (onlyAfter) {
      if (!isEmpty(now)) sentences.push(strings.recorded(capitalised(words), formatValue(now, field)));
    } else if (JSON.stringify(was) === JSON.stringify(now)) {
      continue;
    } else if (isEmpty(was)) {
      sentences.push(strings.set(words, formatValue(now, field)));
    } else if (isEmpty(now)) {
      sentences.push(strings.cleared(words, formatValue(was, field)));
    } else {
      sentences.push(strings.changed(words, formatValue(was, field), formatValue(now, field)));
    }
  }
  return sentences;
}
