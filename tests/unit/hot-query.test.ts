import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteHandle } from '#db/connection.ts';
import { hotQuery } from '#db/hot-query.ts';
import { migrateToLatest } from '#db/migrate.ts';
import { insertDoctor, insertPatient, insertSlot } from '../support/fixtures.ts';

// Compiled hot queries: built once, then run with each call's own values.

let handle: SqliteHandle;
beforeEach(async () => {
  handle = openSqlite(':memory:');
  await migrateToLatest(handle.db);
});
afterEach(() => handle.close());

const slotsOn = hotQuery((db, doctorId: number, date: string) =>
  db
    .selectFrom('doctor_availability')
    .select(['availability_id', 'start_time'])
    .where('doctor_id', '=', doctorId)
    .where('available_date', '=', date)
    .where('blocked_reason', 'is', null)
    .orderBy('start_time')
    .limit(5),
);

describe('hotQuery', () => {
  it('runs the compiled query with each call’s values, in any order of calls', async () => {
    const [a, b] = [insertDoctor(handle.raw), insertDoctor(handle.raw)];
    const a1 = insertSlot(handle.raw, a, '2026-03-02', '09:00', '09:15');
    const a2 = insertSlot(handle.raw, a, '2026-03-03', '10:00', '10:15');
    const b1 = insertSlot(handle.raw, b, '2026-03-02', '11:00', '11:15');
    insertPatient(handle.raw);
    expect(await slotsOn(handle.db, a, '2026-03-02')).toEqual([{ availability_id: a1, start_time: '09:00' }]);
    expect(await slotsOn(handle.db, b, '2026-03-02')).toEqual([{ availability_id: b1, start_time: '11:00' }]);
    expect(await slotsOn(handle.db, a, '2026-03-03')).toEqual([{ availability_id: a2, start_time: '10:00' }]);
    expect(await slotsOn(handle.db, b, '2026-03-03')).toEqual([]);
  });

  it('refuses a query that does not bind every argument (its shape would depend on it)', async () => {
    const unbound = hotQuery((db, _unused: number) => db.selectFrom('settings').select('id'));
    await expect(unbound(handle.db, 1)).rejects.toThrow(/every argument/);
  });
});
