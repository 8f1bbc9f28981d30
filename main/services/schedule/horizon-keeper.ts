import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import { clinicCalendar } from '../core/clinic-clock.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { GenerationResult } from './slot-generation.ts';

/**
 * Keeps every doctor's slots generated up to the booking horizon as the days go by: the
 * horizon moves forward each clinic day (and when an admin changes its length), so without
 * this a clinic whose weekly rules never change would run out of bookable days.
 * `check` is cheap when nothing moved; it never throws (a failure is logged and retried later).
 */
export function createHorizonKeeper(options: {
  db: () => Kysely<Database>;
  clock: Clock;
  logger: Logger;
  generate: () => Promise<GenerationResult>;
}) {
  let extendedTo: string | null = null;
  let running: Promise<GenerationResult | null> | null = null;

  async function run(): Promise<GenerationResult | null> {
    try {
      const { horizonEnd } = await clinicCalendar(options.db(), options.clock);
      if (horizonEnd === extendedTo) return null;
      const result = await options.generate();
      extendedTo = horizonEnd;
      if (result.created > 0 || result.removed > 0)
        options.logger.info('Slots extended to the horizon', { horizonEnd, ...result });
      return result;
    } catch (error) {
      options.logger.error('Extending slots to the horizon failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      return null;
    }
  }

  return {
    /** Generates up to the horizon if it moved since the last run; one run at a time. */
    check(): Promise<GenerationResult | null> {
      running ??= run().finally(() => {
        running = null;
      });
      return running;
    },
    /** Resolves when a run in progress (if any) has finished: awaited before the database closes. */
    async settled(): Promise<void> {
      await running;
    },
  };
}
