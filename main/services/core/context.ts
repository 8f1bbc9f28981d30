import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './logger.ts';
import type { StaffRole } from '#contract/fields.ts';

/** What every service is built from. No Electron, no transport: plain TypeScript. */
export interface ServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  logger: Logger;
}

/** The signed-in person a service acts for; main resolves it from the session, never the renderer. */
export interface Actor {
  userId: number;
  role: StaffRole;
}
