import { CompiledQuery, SqliteAdapter, sql } from 'kysely';
import { hotQuery } from '#db/hot-query.ts';
import type { Tx } from '#db/tx.ts';
import { INACTIVE_STATUSES } from '#shared/statuses.ts';
import { planSlots, slotKey, type PlannedSlot } from './slot-plan.ts';

export interface GenerationResult {
  created: number;
  removed: number;
}

const BATCH = 500;

/**
 * SQLite's hot path for generated slots: one multi-row INSERT text per size, prepared once
 * (the connection's statement cache keeps it) and run with plain parameters, so a year of
 * slots for many doctors costs no query building. The rows are the same as the Kysely path's.
 */
const INSERT_SIZES = [100, 10, 1] as const;
const insertText = new Map(
  INSERT_SIZES.map((size) => [
    size,
    `INSERT INTO doctor_availability (doctor_id, available_date, start_time, end_time, source) VALUES ${Array.from(
      { length: size },
      () => '(?, ?, ?, ?, ?)',
    ).join(', ')}`,
  ]),
);

async function insertSlotsSqlite(trx: Tx, doctorId: number, slots: readonly PlannedSlot[]): Promise<void> {
  let i = 0;
  for (const size of INSERT_SIZES) {
    const text = insertText.get(size) ?? '';
    for (; i + size <= slots.length; i += size) {
      const params: (string | number)[] = [];
      for (let j = i; j < i + size; j++) {
        const s = slots[j];
        if (s) params.push(doctorId, s.date, s.start, s.end, s.source);
      }
      await trx.executeQuery(CompiledQuery.raw(text, params));
    }
  }
}

/**
 * PostgreSQL: a chunk of slots is one INSERT … SELECT over four arrays (four parameters, not
 * seven a row), so a year of one doctor's slots is one round trip. The exclusion constraint
 * still checks every row; its GiST index is what a bulk insert costs there.
 */
const PG_CHUNK = 5_000;

async function insertSlotsPostgres(trx: Tx, doctorId: number, slots: readonly PlannedSlot[]): Promise<void> {
  for (let i = 0; i < slots.length; i += PG_CHUNK) {
    const chunk = slots.slice(i, i + PG_CHUNK);
    await sql`INSERT INTO doctor_availability (doctor_id, available_date, start_time, end_time, source)
      SELECT ${doctorId}, s.available_date, s.start_time, s.end_time, s.source
      FROM unnest(${chunk.map((s) => s.date)}::text[], ${chunk.map((s) => s.start)}::text[],
                  ${chunk.map((s) => s.end)}::text[], ${chunk.map((s) => s.source)}::text[])
        AS s(available_date, start_time, end_time, source)`.execute(trx);
  }
}

async function insertSlots(trx: Tx, doctorId: number, slots: readonly PlannedSlot[]): Promise<void> {
  if (slots.length === 0) return;
  if (trx.getExecutor().adapter instanceof SqliteAdapter) return insertSlotsSqlite(trx, doctorId, slots);
  return insertSlotsPostgres(trx, doctorId, slots);
}

/**
 * Makes one doctor's generated slots on [from, to] match their templates and exceptions.
 * Idempotent. Never touches a slot with any appointment (even a cancelled one, which keeps
 * its history), a manual or walk-in slot, or a day before `from` (callers pass today).
 */
export async function regenerateDoctor(
  trx: Tx,
  doctorId: number,
  from: string,
  to: string,
  timeZone: string,
): Promise<GenerationResult> {
  if (from > to) return { created: 0, removed: 0 };
  const templates = await trx
    .selectFrom('schedule_templates')
    .selectAll()
    .where('doctor_id', '=', doctorId)
    .where('valid_from', '<=', to)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', from)]))
    .execute();
  const exceptions = await trx
    .selectFrom('schedule_exceptions')
    .selectAll()
    .where('doctor_id', '=', doctorId)
    .where('start_date', '<=', to)
    .where('end_date', '>=', from)
    .execute();
  const wanted = planSlots(templates, exceptions, from, to, timeZone);

  // The first generation of a range (a new doctor, the horizon moving on) has nothing to
  // compare: one index probe says so, and the plan is inserted as it is.
  if (!(await anySlotIn(trx, doctorId, from, to))) {
    await insertSlots(trx, doctorId, wanted);
    return { created: wanted.length, removed: 0 };
  }
  // Only what the comparison needs: whether a slot has appointments is asked below for the
  // few slots that could go (asking it of every slot probed the appointments index once per
  // slot, every doctor, at each start-up: seconds and a hundred megabytes at a million patients).
  if (await unchanged(trx, doctorId, from, to, wanted)) return { created: 0, removed: 0 };
  const existing = await trx
    .selectFrom('doctor_availability')
    .select(['availability_id', 'available_date', 'start_time', 'end_time', 'source', 'is_booked'])
    .where('doctor_id', '=', doctorId)
    .where('available_date', '>=', from)
    .where('available_date', '<=', to)
    .execute();
  const wantedKeys = new Set(wanted.map((s) => slotKey(s.date, s.start, s.end)));
  const candidates = existing.filter(
    (s) =>
      (s.source === 'template' || s.source === 'extra') &&
      s.is_booked === 0 &&
      !wantedKeys.has(slotKey(s.available_date, s.start_time, s.end_time)),
  );
  const withAppointment = await slotsWithAppointments(
    trx,
    candidates.map((s) => s.availability_id),
  );
  const removable = candidates.filter((s) => !withAppointment.has(s.availability_id));
  for (let i = 0; i < removable.length; i += BATCH) {
    const ids = removable.slice(i, i + BATCH).map((s) => s.availability_id);
    await trx.deleteFrom('doctor_availability').where('availability_id', 'in', ids).execute();
  }

  const removedIds = new Set(removable.map((s) => s.availability_id));
  const kept = removedIds.size === 0 ? existing : existing.filter((s) => !removedIds.has(s.availability_id));
  const keptKeys = new Set(kept.map((s) => slotKey(s.available_date, s.start_time, s.end_time)));
  const missing = wanted.filter((s) => !keptKeys.has(slotKey(s.date, s.start, s.end)));
  // Nothing missing (the usual re-run at start-up): no overlap map to build.
  if (missing.length === 0) return { created: 0, removed: removable.length };
  const keptByDate = new Map<string, [string, string][]>();
  for (const s of kept) {
    const list = keptByDate.get(s.available_date) ?? [];
    list.push([s.start_time, s.end_time]);
    keptByDate.set(s.available_date, list);
  }
  // A wanted slot that overlaps a kept one (a booked slot of an older rule, a manual slot) is skipped.
  const toInsert = missing.filter(
    (s) => !(keptByDate.get(s.date) ?? []).some(([start, end]) => start < s.end && s.start < end),
  );
  await insertSlots(trx, doctorId, toInsert);
  return { created: toInsert.length, removed: removable.length };
}

/** Whether the doctor has any slot on [from, to] (compiled once: every doctor, every start-up). */
async function anySlotIn(trx: Tx, doctorId: number, from: string, to: string): Promise<boolean> {
  return (await firstSlotIn(trx, doctorId, from, to)).length > 0;
}

const firstSlotIn = hotQuery((db, doctorId: number, from: string, to: string) =>
  db
    .selectFrom('doctor_availability')
    .select('availability_id')
    .where('doctor_id', '=', doctorId)
    .where('available_date', '>=', from)
    .where('available_date', '<=', to)
    .limit(1),
);

/**
 * Whether the doctor's slots on [from, to] are already exactly what the rules want (no
 * wanted slot missing, no free generated slot unwanted), compared inside the database. The
 * horizon keeper re-runs every doctor at each start; comparing in JavaScript built a row
 * object per stored slot (860,000 at a million patients: seconds and 150 MB of heap).
 * When anything differs the comparison below decides what to do, as before.
 */
async function unchanged(
  trx: Tx,
  doctorId: number,
  from: string,
  to: string,
  wanted: readonly PlannedSlot[],
): Promise<boolean> {
  const keys = new Set(wanted.map((s) => slotKey(s.date, s.start, s.end)));
  if (keys.size !== wanted.length) return false;
  // The plan as rows: JSON on SQLite, three arrays on PostgreSQL.
  const planRows =
    trx.getExecutor().adapter instanceof SqliteAdapter
      ? sql`(SELECT value->>0 AS d, value->>1 AS s, value->>2 AS e FROM json_each(${JSON.stringify(
          wanted.map((s) => [s.date, s.start, s.end]),
        )})) AS w`
      : sql`unnest(${wanted.map((s) => s.date)}::text[], ${wanted.map((s) => s.start)}::text[], ${wanted.map(
          (s) => s.end,
        )}::text[]) AS w(d, s, e)`;
  // Each wanted slot finds at most one stored one (one slot per doctor, day and start).
  const result = await sql<{ matched: number | string; matched_free: number | string | null; free: number | string }>`
    SELECT count(x.availability_id) AS matched,
           sum(CASE WHEN x.source IN ('template', 'extra') AND x.is_booked = 0 THEN 1 ELSE 0 END) AS matched_free,
           (SELECT count(*) FROM doctor_availability f
             WHERE f.doctor_id = ${doctorId} AND f.available_date >= ${from} AND f.available_date <= ${to}
               AND f.source IN ('template', 'extra') AND f.is_booked = 0) AS free
    FROM ${planRows}
    LEFT JOIN doctor_availability x ON x.doctor_id = ${doctorId} AND x.available_date = w.d
      AND x.start_time = w.s AND x.end_time = w.e`.execute(trx);
  const row = result.rows[0];
  return (
    row !== undefined && Number(row.matched) === wanted.length && Number(row.matched_free ?? 0) === Number(row.free)
  );
}

/** Which of the slots have any appointment (a cancelled one keeps its slot too, for its history). */
async function slotsWithAppointments(trx: Tx, availabilityIds: readonly number[]): Promise<Set<number>> {
  const found = new Set<number>();
  for (let i = 0; i < availabilityIds.length; i += BATCH) {
    const rows = await trx
      .selectFrom('appointments')
      .select('availability_id')
      .distinct()
      .where('availability_id', 'in', availabilityIds.slice(i, i + BATCH))
      .execute();
    for (const r of rows) if (r.availability_id !== null) found.add(r.availability_id);
  }
  return found;
}

/** Every doctor's slots up to the horizon (run at start-up and daily). */
export async function regenerateAll(trx: Tx, from: string, to: string, timeZone: string): Promise<GenerationResult> {
  const doctors = await trx
    .selectFrom('schedule_templates')
    .select('doctor_id')
    .union(trx.selectFrom('schedule_exceptions').select('doctor_id'))
    .execute();
  const total: GenerationResult = { created: 0, removed: 0 };
  for (const { doctor_id: doctorId } of doctors) {
    const result = await regenerateDoctor(trx, doctorId, from, to, timeZone);
    total.created += result.created;
    total.removed += result.removed;
  }
  return total;
}

/** 1 when the slot has a live appointment (the rule behind `is_booked`), as SQL on `doctor_availability`. */
const LIVE_APPOINTMENT = sql<
  0 | 1
>`CASE WHEN EXISTS (SELECT 1 FROM appointments a WHERE a.availability_id = doctor_availability.availability_id AND a.status NOT IN (${sql.join(
  INACTIVE_STATUSES.map((status) => sql.lit(status)),
)})) THEN 1 ELSE 0 END`;

/** One slot's `is_booked` (every booking and status step): compiled once. */
const syncOneIsBooked = hotQuery((db, availabilityId: number) =>
  db
    .updateTable('doctor_availability')
    .set({ is_booked: LIVE_APPOINTMENT })
    .where('availability_id', '=', availabilityId),
);

/** `is_booked` recomputed from the appointments for the given slots (the invariant). */
export async function syncIsBooked(trx: Tx, availabilityIds: readonly number[]): Promise<void> {
  if (availabilityIds.length === 0) return;
  const [only] = availabilityIds;
  if (availabilityIds.length === 1 && only !== undefined) {
    await syncOneIsBooked(trx, only);
    return;
  }
  await trx
    .updateTable('doctor_availability')
    .set({ is_booked: LIVE_APPOINTMENT })
    .where('availability_id', 'in', availabilityIds)
    .execute();
}
