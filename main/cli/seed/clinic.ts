import type { AppCore } from '../../app-core.ts';
import { setupInputSchema, userCreateSchema } from '#contract/index.ts';
import type { Actor } from '../../services/core/context.ts';
import { createRng } from './prng.ts';
import type { SeedDoctor } from './schedule.ts';
import { doctorEmail, generateStaff, receptionistEmail, RECEPTIONIST_COUNT, type SeedStaff } from './staff.ts';
import type { Settings } from '#contract/index.ts';
import { CliFailure } from '../args.ts';
import { firstAdmin } from '../commands/create-admin.ts';
import type { CliIo } from '../io.ts';
import { checked } from '../validate.ts';

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
async function ensureStaff(
  core: AppCore,
  actor: Actor,
  staff: readonly SeedStaff[],
  password: string,
): Promise<number> {
  let created = 0;
  for (const person of staff) {
    const existing = await core.database.db
      .selectFrom('users')
      .select('user_id')
      .where('email', '=', person.email)
      .executeTakeFirst();
    if (existing) continue;
    await core.services.users.create(actor, checked(userCreateSchema, { ...person, password }, person.email));
    created++;
  }
  return created;
}

async function staffIds(core: AppCore, emails: readonly string[], role: 'doctor' | 'receptionist'): Promise<number[]> {
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

/** A big demo clinic has hundreds of doctors: list this many per role, then say how many more. */
const SIGN_INS_LISTED_PER_ROLE = 12;

/** Every demo sign-in by role (all with the staff password printed above), so each role can be tried. */
function printDemoSignIns(io: CliIo, staff: readonly SeedStaff[]): void {
  for (const role of ['receptionist', 'doctor'] as const) {
    const people = staff.filter((person) => person.role === role);
    if (people.length === 0) continue;
    io.out(`Sign in as a ${role}:`);
    for (const person of people.slice(0, SIGN_INS_LISTED_PER_ROLE)) io.out(`  ${person.email}  (${person.name})`);
    const more = people.length - SIGN_INS_LISTED_PER_ROLE;
    if (more > 0) io.out(`  … and ${more} more ${role}s, through ${people[people.length - 1]?.email}`);
  }
}

/**
 * The demo receptionists and doctors (created through the users service, audited there),
 * and what the schedule needs of them: doctor ids with their fees, receptionist ids.
 */
export async function ensureDemoStaff(
  core: AppCore,
  io: CliIo,
  actor: Actor,
  options: { seed: number; doctors: number; password: string },
): Promise<{ doctors: SeedDoctor[]; receptionists: number[] }> {
  const staff = generateStaff(createRng(options.seed, 'staff'), options.doctors);
  const created = await ensureStaff(core, actor, staff, options.password);
  const skipped = staff.length - created;
  io.out(`Staff: ${created} created${skipped > 0 ? `, ${skipped} skipped (email already in use)` : ''}.`);
  printDemoSignIns(io, staff);
  const doctorIds = await staffIds(
    core,
    Array.from({ length: options.doctors }, (_, i) => doctorEmail(i)),
    'doctor',
  );
  const receptionists = await staffIds(
    core,
    Array.from({ length: RECEPTIONIST_COUNT }, (_, i) => receptionistEmail(i)),
    'receptionist',
  );
  const rows = doctorIds.length
    ? await core.database.db
        .selectFrom('doctors')
        .select(['doctor_id', 'consultation_fee'])
        .where('doctor_id', 'in', doctorIds)
        .execute()
    : [];
  const fees = new Map(rows.map((r) => [r.doctor_id, r.consultation_fee]));
  return { doctors: doctorIds.map((doctorId) => ({ doctorId, fee: fees.get(doctorId) ?? 0 })), receptionists };
}
