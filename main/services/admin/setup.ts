import { writeTx } from '#db/tx.ts';
import type { StaffUser } from '#contract/index.ts';
import { writeAudit } from '../core/audit.ts';
import type { ServiceDeps } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { hashPassword } from '../auth/index.ts';
import { toSettings } from './settings.ts';
import { loadStaffUser } from '../auth/index.ts';

export interface SetupInput {
  clinicName: string;
  clinicAddress: string | null;
  timeZone: string;
  currency: string;
  adminName: string;
  adminEmail: string;
  adminPassword: string;
}

const alreadySetUp = () =>
  new AppError('CONFLICT', 'This clinic is already set up. Sign in with an existing account instead.');

export function createSetupService({ db, clock }: ServiceDeps) {
  /** Setup is needed until the clinic has settings and at least one admin. */
  async function needsSetup(): Promise<boolean> {
    const admin = await db.selectFrom('users').select('user_id').where('role', '=', 'admin').executeTakeFirst();
    const settings = await db.selectFrom('settings').select('id').executeTakeFirst();
    return !admin || !settings;
  }

  async function complete(input: SetupInput): Promise<StaffUser> {
    // Hash outside the write transaction: it takes a few milliseconds we must not hold the lock for.
    const passwordHash = await hashPassword(input.adminPassword);
    return writeTx(db, async (trx) => {
      const existingAdmin = await trx
        .selectFrom('users')
        .select('user_id')
        .where('role', '=', 'admin')
        .executeTakeFirst();
      if (existingAdmin) throw alreadySetUp();
      const now = clock.now().toISOString();
      const settings = await trx
        .insertInto('settings')
        .values({
          id: 1,
          clinic_name: input.clinicName,
          clinic_address: input.clinicAddress,
          time_zone: input.timeZone,
          currency: input.currency,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('id').doUpdateSet({
            clinic_name: input.clinicName,
            clinic_address: input.clinicAddress,
            time_zone: input.timeZone,
            currency: input.currency,
            updated_at: now,
          }),
        )
        .returningAll()
        .executeTakeFirstOrThrow();
      const admin = await trx
        .insertInto('users')
        .values({
          name: input.adminName,
          email: input.adminEmail,
          phone: null,
          password_hash: passwordHash,
          role: 'admin',
          created_at: now,
          updated_at: now,
          locked_until: null,
        })
        .returning('user_id')
        .executeTakeFirstOrThrow();
      await writeAudit(trx, clock, {
        userId: admin.user_id,
        action: 'setup.complete',
        entity: 'settings',
        entityId: 1,
        after: { settings: toSettings(settings), adminUserId: admin.user_id, adminEmail: input.adminEmail },
      });
      return loadStaffUser(trx, admin.user_id);
    });
  }

  return { needsSetup, complete };
}

export type SetupService = ReturnType<typeof createSetupService>;
