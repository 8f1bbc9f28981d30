import { performance } from 'node:perf_hooks';

// Timing helpers of `npm run bench`: samples in milliseconds and their percentiles.

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export async function timeMs(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * Runs two ways of doing the same work turn about (so a busy machine slows both alike), after
 * a warm-up, and returns each one's samples.
 */
export async function interleaved(
  iterations: number,
  warmUp: number,
  a: (i: number) => unknown,
  b: (i: number) => unknown,
): Promise<{ a: number[]; b: number[] }> {
  for (let i = 0; i < warmUp; i++) {
    await a(i);
    await b(i);
  }
  const result = { a: [] as number[], b: [] as number[] };
  for (let i = warmUp; i < warmUp + iterations; i++) {
    result.a.push(await timeMs(() => a(i)));
    result.b.push(await timeMs(() => b(i)));
  }
  return result;
}

export interface Figure {
  value: number;
  unit: string;
  goal: string;
  /** Extra words for the table (what was measured, side figures). */
  note?: string;
}

/** Whether a figure meets a goal written as "< 5", "≤ 2" or "info". */
export function meets(figure: Figure): boolean | null {
  const match = /^(<|≤)\s*([\d.]+)$/.exec(figure.goal);
  if (!match) return null;
  const bound = Number(match[2]);
  return match[1] === '<' ? figure.value < bound : figure.value <= bound;
}
