import type { Kysely } from 'kysely';
import type { Database } from '#db/schema.ts';
import { setupInputSchema, userCreateSchema } from '#contract/index.ts';
import { currencySchema, emailSchema, passwordSchema, personNameSchema, timeZoneSchema } from '#contract/fields.ts';
import type { Actor } from '../../services/core/context.ts';
import { DB_OPTION, PASSWORD_ENV, parseFlags, requiredFlag, stringFlag, UsageError } from '../args.ts';
import { passwordFromEnv, withCore, type CliIo } from '../io.ts';
import { checked } from '../validate.ts';

const OPTIONS = {
  ...DB_OPTION,
  email: { type: 'string' },
  name: { type: 'string' },
  clinic: { type: 'string' },
  tz: { type: 'string' },
  currency: { type: 'string' },
} as const;

/** The first admin (by id) that is not deactivated: the actor of admins created later. */
export async function firstAdmin(db: Kysely<Database>): Promise<Actor | null> {
  const row = await db
    .selectFrom('users')
    .select('user_id')
    .where('role', '=', 'admin')
    .orderBy((eb) => eb.case().when('status', '=', 'inactive').then(1).else(0).end())
    .orderBy('user_id')
    .executeTakeFirst();
  return row ? { userId: row.user_id, role: 'admin' } : null;
}

/** CLINIC_PASSWORD, checked like the app checks a new password (refusal is bad usage). */
export function newPasswordFromEnv(io: CliIo): string {
  const password = passwordFromEnv(io);
  if (password === undefined) throw new UsageError(`Set the password in the ${PASSWORD_ENV} environment variable.`);
  return checked(passwordSchema, password, PASSWORD_ENV);
}

export async function createAdminCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, OPTIONS);
  const dbFile = requiredFlag(flags, 'db');
  const email = checked(emailSchema, requiredFlag(flags, 'email'), '--email');
  const name = checked(personNameSchema, stringFlag(flags, 'name') ?? 'Administrator', '--name');
  const tzFlag = stringFlag(flags, 'tz');
  const currencyFlag = stringFlag(flags, 'currency');
  if (tzFlag !== undefined) checked(timeZoneSchema, tzFlag, '--tz');
  if (currencyFlag !== undefined) checked(currencySchema, currencyFlag, '--currency');
  const password = newPasswordFromEnv(io);

  return withCore(dbFile, io, async ({ services, database }) => {
    if (await services.setup.needsSetup()) {
      const existing = await services.settings.find();
      const input = checked(
        setupInputSchema,
        {
          clinicName: stringFlag(flags, 'clinic') ?? existing?.clinicName ?? 'Clinic',
          clinicAddress: existing?.clinicAddress ?? null,
          timeZone: tzFlag ?? existing?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
          currency: currencyFlag ?? existing?.currency ?? 'USD',
          adminName: name,
          adminEmail: email,
          adminPassword: password,
        },
        'setup',
      );
      const admin = await services.setup.complete(input);
      io.out(`Set up "${input.clinicName}" (time zone ${input.timeZone}, currency ${input.currency}).`);
      io.out(`Created admin ${admin.email} (user ${admin.userId}).`);
      return 0;
    }
    const actor = await firstAdmin(database.db);
    if (!actor) throw new Error('The clinic is set up but has no admin.');
    const input = checked(userCreateSchema, { name, email, phone: null, role: 'admin', password }, 'admin');
    const admin = await services.users.create(actor, input);
    io.out(`Created admin ${admin.email} (user ${admin.userId}), on behalf of admin user ${actor.userId}.`);
    return 0;
  });
}
