import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, contract, ERROR_CODES, type ChannelName } from '#contract/index.ts';
import { ADMIN_KEY, createTestApp, setUpClinic, tableCounts, type TestApp } from '../support/test-app.ts';

// Random inputs to every channel give success or a clean, known error: never a crash,
// never an INTERNAL error, and a refused call leaves every table exactly as it was.

let app: TestApp;
let admin: { userId: number; name: string; email: string };

beforeAll(async () => {
  app = await createTestApp();
  await setUpClinic(app);
  const session = app.core.sessions.get(ADMIN_KEY);
  if (!session) throw new Error('admin not signed in');
  admin = session;
});
afterAll(() => app.close());

/** The field names a channel's input knows, so random objects hit real fields often. */
function fieldNames(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodDiscriminatedUnion)
    return [...new Set(schema.options.flatMap((o) => fieldNames(o as z.ZodType)))];
  return [];
}

const plausible = fc.constantFrom(
  '',
  ' ',
  'admin',
  'doctor',
  'receptionist',
  'patient',
  'active',
  'inactive',
  'ada@clinic.test',
  'not-an-email',
  'Europe/London',
  'Mars/Olympus',
  'USD',
  'usd',
  'XXX',
  '12h',
  'long enough password',
  '<script>alert(1)</script>',
  "'; DROP TABLE users; --",
  1,
  2,
  0,
  -1,
  15,
  999_999_999,
  1.5,
  Number.NaN,
  true,
  false,
  null,
);

// Text and dates at the edges: control characters (PostgreSQL refuses U+0000 in any text),
// broken UTF-16, pasted line breaks, very long text and dates at or past the calendar's ends.
const hostile = fc.constantFrom(
  '\u0000',
  'Ana\u0000Lee',
  '\u001b[31mred',
  'del\u007f',
  'c1\u0085',
  'line\r\nbreak',
  '\ud83d',
  'x\ude00',
  '😀',
  'x'.repeat(100_000),
  ' '.repeat(100_000),
  '0000-01-01',
  '9999-12-31',
  '2026-02-30',
  '10000-01-01',
  '+010000-01-01',
  '2026-03-02T25:00',
  '24:00',
  '23:59',
);

const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    plausible,
    hostile,
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
  ),
  node: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.array(tie('leaf'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('leaf'), { maxKeys: 3 }),
  ),
})).node;

function inputFor(channel: ChannelName): fc.Arbitrary<unknown> {
  const names = fieldNames(contract[channel].input);
  const shaped =
    names.length === 0
      ? fc.constant({})
      : fc.record(Object.fromEntries(names.map((n) => [n, fc.oneof(value, plausible, hostile)])), { requiredKeys: [] });
  return fc.oneof(shaped, fc.anything(), fc.constant(undefined));
}

// Failed password attempts are audited on purpose (lockout counting); nothing else may change.
const RECORDS_FAILED_ATTEMPTS = new Set<ChannelName>(['auth.signIn', 'auth.unlock']);

function comparable(channel: ChannelName, counts: Record<string, number>): Record<string, number> {
  if (!RECORDS_FAILED_ATTEMPTS.has(channel)) return counts;
  const { audit_log: _audited, ...rest } = counts;
  return rest;
}

const SAFE_CODES = ERROR_CODES.filter((c) => c !== 'INTERNAL');

describe('random inputs', () => {
  for (const channel of CHANNEL_NAMES) {
    it(`${channel} answers cleanly and writes nothing when it refuses`, async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(inputFor(channel), async (input) => {
          // A fresh admin session each time, so sign-out or lock from one run cannot affect the next.
          const key = `fuzz:${channel}:${++n}`;
          app.core.sessions.start(key, { userId: admin.userId, name: admin.name, email: admin.email, role: 'admin' });
          const before = await tableCounts(app);
          const result = await app.core.dispatcher.dispatch(key, channel, input);
          if (result.ok) return;
          expect(SAFE_CODES).toContain(result.error.code);
          expect(result.error.message).not.toMatch(/SQLITE|constraint|\bat \w+ \(|\/work\//i);
          expect(comparable(channel, await tableCounts(app))).toEqual(comparable(channel, before));
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 60) },
      );
    });
  }
});
