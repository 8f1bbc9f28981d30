import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type BetterSqlite3 from 'better-sqlite3';
import { openSqlite, type SqliteHandle } from '#db/connection.ts';
import { migrateTo, migrateToLatest, MIGRATIONS } from '#db/migrate.ts';
import { insertDoctor } from '../support/fixtures.ts';
import { minutesToTime } from '#shared/dates.ts';

// Migration 0010 replaced 0004's slot-overlap triggers with a one-probe check. The rule must be
// exactly the same: random inserts and moves are accepted or refused as a plain model says.

let handle: SqliteHandle;
let raw: BetterSqlite3.Database;
beforeEach(async () => {
  handle = openSqlite(':memory:');
  raw = handle.raw;
  await migrateToLatest(handle.db);
});
afterEach(() => handle.close());

interface Slot {
  id: number;
  doctor: number;
  start: number;
  end: number;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

type Step =
  | { kind: 'insert'; doctor: number; start: number; length: number }
  | { kind: 'move'; pick: number; start: number; length: number }
  | { kind: 'book'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    doctor: fc.integer({ min: 0, max: 1 }),
    start: fc.integer({ min: 0, max: 95 }).map((n) => n * 15),
    length: fc.constantFrom(5, 10, 15, 20, 30, 45, 60, 120),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    pick: fc.nat(),
    start: fc.integer({ min: 0, max: 287 }).map((n) => n * 5),
    length: fc.constantFrom(5, 15, 30, 60),
  }),
  fc.record({ kind: fc.constant('book' as const), pick: fc.nat() }),
);

describe('slot overlap rule (migration 0010)', () => {
  it('accepts and refuses exactly the inserts and moves that a model says overlap', () => {
    const doctors = [insertDoctor(raw), insertDoctor(raw)];
    const insert = raw.prepare(
      "INSERT INTO doctor_availability (doctor_id, available_date, start_time, end_time) VALUES (?, '2026-05-04', ?, ?)",
    );
    const move = raw.prepare('UPDATE doctor_availability SET start_time = ?, end_time = ? WHERE availability_id = ?');
    const book = raw.prepare('UPDATE doctor_availability SET is_booked = 1 - is_booked WHERE availability_id = ?');
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), (steps) => {
        raw.exec('DELETE FROM doctor_availability');
        const slots: Slot[] = [];
        for (const s of steps) {
          if (s.kind === 'insert') {
            const end = Math.min(s.start + s.length, 24 * 60 - 1);
            const wanted = { doctor: doctors[s.doctor] ?? 0, start: s.start, end };
            const clash = slots.some((o) => o.doctor === wanted.doctor && (o.start === s.start || overlaps(o, wanted)));
            const run = () => insert.run(wanted.doctor, minutesToTime(s.start), minutesToTime(end));
            if (clash) expect(run).toThrow(/overlap|UNIQUE/);
            else slots.push({ ...wanted, id: Number(run().lastInsertRowid) });
          } else if (slots.length > 0) {
            const target = slots[s.pick % slots.length];
            if (!target) continue;
            if (s.kind === 'book') {
              book.run(target.id);
              continue;
            }
            const end = Math.min(s.start + s.length, 24 * 60 - 1);
            const moved = { start: s.start, end };
            const clash = slots.some(
              (o) => o.id !== target.id && o.doctor === target.doctor && (o.start === s.start || overlaps(o, moved)),
            );
            const run = () => move.run(minutesToTime(s.start), minutesToTime(end), target.id);
            if (clash) expect(run).toThrow(/overlap|UNIQUE/);
            else {
              run();
              Object.assign(target, moved);
            }
          }
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 60) },
    );
  });

  it('replaces the scanning triggers of 0004 and puts them back on the way down', async () => {
    const triggerSql = (name: string) =>
      raw.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").pluck().get(name) as string;
    expect(triggerSql('availability_no_overlap_insert')).toMatch(/ORDER BY other\.start_time DESC LIMIT 1/);
    expect(triggerSql('availability_no_overlap_update')).toMatch(/UPDATE OF doctor_id, available_date/);
    const names = Object.keys(MIGRATIONS);
    await migrateTo(handle.db, names[names.indexOf('0010_performance') - 1] ?? '');
    expect(triggerSql('availability_no_overlap_insert')).toMatch(/EXISTS/);
    expect(triggerSql('availability_no_overlap_update')).not.toMatch(/UPDATE OF/);
  });
});
