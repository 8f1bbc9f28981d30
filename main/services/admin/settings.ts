import type { Settings } from '#contract/index.ts';
import type { SettingsRow } from '#db/schema.ts';
import { writeTx, type Tx } from '#db/tx.ts';
import { writeAudit } from '../core/audit.ts';
import type { Actor, ServiceDeps } from '../core/context.ts';
import { AppError, staleRecord } from '../core/errors.ts';
import { majorNumberToMinor, minorDigitsOf, toMajorNumber } from '#shared/money.ts';
import type { RequirablePatientField } from '#contract/patients.ts';
import { parseRequiredFields } from '../patients/index.ts';

export interface SettingsUpdate {
  version: number;
  clinicName: string;
  clinicAddress: string | null;
  timeZone: string;
  currency: string;
  defaultSlotMinutes: number;
  idleLockMinutes: number;
  timeFormat: '24h' | '12h';
  /** Major units; left out = unchanged. */
  refundApprovalThreshold?: number | undefined;
  /** Weeks of slots generated ahead; left out = unchanged. */
  scheduleHorizonWeeks?: number | undefined;
  /** Minutes after the appointment time; left out = unchanged. */
  likelyNoShowMinutes?: number | undefined;
  /** Left out = unchanged. */
  requiredPatientFields?: RequirablePatientField[] | undefined;
}

/** Any ledger entry beyond a charge of zero: from then on the currency is fixed. */
async function hasMoneyRecorded(trx: Tx): Promise<boolean> {
  const row = await trx
    .selectFrom('payment_ledger')
    .select('entry_id')
    .where((eb) => eb.or([eb('kind', '!=', 'charge'), eb('amount_minor', '!=', 0)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function toSettings(row: SettingsRow): Settings {
  return {
    clinicName: row.clinic_name,
    clinicAddress: row.clinic_address,
    timeZone: row.time_zone,
    currency: row.currency,
    defaultSlotMinutes: row.default_slot_minutes,
    idleLockMinutes: row.idle_lock_minutes,
    timeFormat: row.time_format,
    scheduleHorizonWeeks: row.schedule_horizon_weeks,
    refundApprovalThreshold: toMajorNumber(row.refund_approval_threshold_minor, minorDigitsOf(row.currency)),
    likelyNoShowMinutes: row.likely_no_show_minutes,
    requiredPatientFields: parseRequiredFields(row.required_patient_fields),
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export function createSettingsService({ db, clock }: ServiceDeps) {
  async function find(): Promise<Settings | null> {
    const row = await db.selectFrom('settings').selectAll().where('id', '=', 1).executeTakeFirst();
    return row ? toSettings(row) : null;
  }

  async function get(): Promise<Settings> {
    const settings = await find();
    if (!settings) throw new AppError('NOT_FOUND', 'The clinic has not been set up yet.');
    return settings;
  }

  async function update(actor: Actor, input: SettingsUpdate): Promise<Settings> {
    return writeTx(db, async (trx) => {
      const before = await trx.selectFrom('settings').selectAll().where('id', '=', 1).executeTakeFirst();
      if (!before) throw new AppError('NOT_FOUND', 'The clinic has not been set up yet.');
      if (before.version !== input.version) throw staleRecord('settings page');
      if (input.currency !== before.currency && (await hasMoneyRecorded(trx))) {
        const message = `The currency stays ${before.currency} once payments are recorded: amounts in the ledger are in it.`;
        throw new AppError('VALIDATION', message, { currency: message });
      }
      const after = await trx
        .updateTable('settings')
        .set({
          clinic_name: input.clinicName,
          clinic_address: input.clinicAddress,
          time_zone: input.timeZone,
          currency: input.currency,
          default_slot_minutes: input.defaultSlotMinutes,
          idle_lock_minutes: input.idleLockMinutes,
          time_format: input.timeFormat,
          schedule_horizon_weeks: input.scheduleHorizonWeeks ?? before.schedule_horizon_weeks,
          refund_approval_threshold_minor:
            input.refundApprovalThreshold === undefined
              ? before.refund_approval_threshold_minor
              : majorNumberToMinor(input.refundApprovalThreshold, minorDigitsOf(input.currency)),
          likely_no_show_minutes: input.likelyNoShowMinutes ?? before.likely_no_show_minutes,
          required_patient_fields:
            input.requiredPatientFields === undefined
              ? before.required_patient_fields
              : JSON.stringify(input.requiredPatientFields),
          version: before.version + 1,
          updated_at: clock.now().toISOString(),
        })
        .where('id', '=', 1)
        .returningAll()
        .executeTakeFirstOrThrow();
      await writeAudit(trx, clock, {
        userId: actor.userId,
        action: 'settings.update',
        entity: 'settings',
        entityId: 1,
        before: toSettings(before),
        after: toSettings(after),
      });
      return toSettings(after);
    });
  }

  return { find, get, update };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
