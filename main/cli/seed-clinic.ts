import type { AppCore } from '../app-core.ts';
import { setupInputSchema, userCreateSchema } from '../../preload/contract.ts';
import type { Actor } from '../services/context.ts';
import type { SeedStaff } from '../../db/seed/staff.ts';
import type { Settings } from '../../preload/contract.ts';
import { CliFailure } from './args.ts';
import { firstAdmin } from './commands/create-admin.ts';
import type { CliIo } from './io.ts';
import { checked } from './validate.ts';

export const DEMO_CLINIC = 'Riverside Family Clinic';
export const DEMO_ADMIN_EMAIL = 'admin@clinic.test';
/** Documented demo-only default when CLINIC_PASSWORD is not set. */
export const DEMO_PASSWORD = 'demo-password-123';

/** Runs first-run setup through the real service if needed; returns the settings and the acting admin. */
export async function ensureClinic(
  core: AppCore,
  io: CliIo,
  timeZone: string,
  password: string,
): Promise<{ settings: Settings; actor: Actor }> {
  const { services } = core;
  if (await services.setup.needsSetup()) {
    const input = checked(
      setupInputSchema,
      {
        clinicName: DEMO_CLINIC,
        clinicAddress: '12 River Road, Riverside',
        timeZone,
        currency: 'USD',
        adminName: 'Clinic Admin',
        adminEmail: DEMO_ADMIN_EMAIL,
        adminPassword: password,
      },
      'setup',
    );
    await services.setup.complete(input);
    io.out(`Set up "${DEMO_CLINIC}" (time zone ${timeZone}, currency USD) with admin ${DEMO_ADMIN_EMAIL}.`);
  }
  const settings = await services.settings.get();
  const actor = await firstAdmin(core.database.db);
  if (!actor) throw new CliFailure('The clinic is set up but has no admin.');
  return { settings, actor };
}

/** Creates the demo staff through the users service, skipping emails already in use. */
export async function ensureStaff(
  core: AppCore,
  actor: Actor,
  staff: readonly SeedStaff[],
  password: string,
): Promise<{ created: number; skipped: number }> {
  let created = 0;
  let skipped = 0;
  for (const person of staff) {
    const existing = await core.database.db
      .selectFrom('users')
      .select('user_id')
      .where('email', '=', person.email)
      .executeTakeFirst();
    if (existing) {
      skipped++;
      continue;
    }
    await core.services.users.create(actor, checked(userCreateSchema, { ...person, password }, person.email));
    created++;
  }
  return { created, skipped };
}

export async function staffIds(
  core: AppCore,
  emails: readonly string[],
  role: 'doctor' | 'receptionist',
): Promise<number[]> {
  if (emails.length === 0) return [];
  const rows = await core.database.db
    .selectFrom('users')
    .select(['user_id', 'email'])
    .where('email', 'in', emails)
    .where('role', '=', role)
    .execute();
  const byEmail = new Map(rows.map((r) => [r.email, r.user_id]));
  return emails.flatMap((email) => {
    const id = byEmail.get(email);
    return id === undefined ? [] : [id];
  });
}
