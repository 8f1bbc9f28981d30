import { sql } from 'kysely';
import type { DeskContext } from './booking.ts';
import { percentile, timeMs, type Figure } from './measure.ts';
import { recordStatements, replayer, type RecordedStatement } from './replay.ts';

// Patient search as the desk types: every prefix of realistic queries (a full name, part
// of a phone number, a patient number, a surname), each through the real channel.

interface PatientRow {
  user_id: number;
  name: string;
  phone: string | null;
}

export function typedQueries(patients: readonly PatientRow[]): string[] {
  const queries: string[] = [];
  patients.forEach((p, i) => {
    const last = p.name.split(' ').at(-1) ?? p.name;
    if (i % 4 === 0) queries.push(p.name);
    if (i % 4 === 1) queries.push(`${last} ${p.name.split(' ')[0] ?? ''}`.trim());
    if (i % 4 === 2 && p.phone) queries.push(p.phone.slice(3, 10));
    if (i % 4 === 3) queries.push(`P-${String(p.user_id).padStart(6, '0')}`);
  });
  return queries.flatMap((q) => Array.from({ length: q.length }, (_, n) => q.slice(0, n + 1)).filter((s) => s.trim()));
}

export async function searchFigures(
  desk: DeskContext,
  log?: (lines: string) => void,
  people = 80,
): Promise<Record<string, Figure>> {
  const { first, count } = desk.patientIds;
  const step = Math.max(1, Math.floor(count / people));
  const patients: PatientRow[] = await desk.core.database.db
    .selectFrom('users')
    .select(['user_id', 'name', 'phone'])
    .where('role', '=', 'patient')
    .where(sql<boolean>`(user_id - ${first}) % ${step} = 0`)
    .orderBy('user_id')
    .limit(people)
    .execute();
  const queries = typedQueries(patients.slice(0, people));
  const search = async (query: string) => {
    const result = await desk.core.dispatcher.dispatch(desk.key, 'patients.search', { query });
    if (!result.ok) throw new Error(`search failed: ${result.error.message}`);
  };
  for (const query of queries.slice(0, 50)) await search(query);
  // The floor (SQLite): each keystroke's own statements, recorded once, run raw in turn with ours.
  const { database } = desk.core;
  const raw = database.kind === 'sqlite' ? database.raw : null;
  const statements = new Map<string, RecordedStatement[]>();
  if (raw) for (const query of queries) statements.set(query, await recordStatements(raw, () => search(query)));
  const replay = raw ? replayer(raw) : null;
  const samples: number[] = [];
  const floorSamples: number[] = [];
  const timed: { ms: number; query: string }[] = [];
  for (const query of queries) {
    const ms = await timeMs(() => search(query));
    samples.push(ms);
    timed.push({ ms, query });
    if (replay) floorSamples.push(await timeMs(() => replay(statements.get(query) ?? [])));
  }
  // Every keystroke's time with --search-log; the slowest few in the note.
  if (log) log(timed.map((t) => `${t.ms.toFixed(2)}\t${t.query}`).join('\n'));
  const slowest = [...timed].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const floorP95 = percentile(floorSamples, 95);
  const floor: Record<string, Figure> = replay
    ? {
        search_vs_floor: {
          value: percentile(samples, 95) / floorP95,
          unit: '×',
          goal: '≤ 2',
          note: `p95 through the dispatcher vs ${floorP95.toFixed(3)} ms for the same statements run raw`,
        },
      }
    : {};
  return {
    search_p95_ms: {
      value: percentile(samples, 95),
      unit: 'ms',
      goal: '< 5',
      note: `${samples.length} keystrokes; p50 ${percentile(samples, 50).toFixed(2)} ms; slowest ${slowest.map((t) => `"${t.query}" ${t.ms.toFixed(1)} ms`).join(', ')}`,
    },
    ...floor,
  };
}
