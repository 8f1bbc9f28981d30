import type { Tx } from '#db/tx.ts';
import type { Clock } from './clock.ts';

export interface AuditEntry {
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

const toJson = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** Writes one audit row; call it inside the same transaction as the change it records. */
export async function writeAudit(trx: Tx, clock: Clock, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: clock.now().toISOString(),
      user_id: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId === null ? null : String(entry.entityId),
      before_json: toJson(entry.before),
      after_json: toJson(entry.after),
    })
    .execute();
}
