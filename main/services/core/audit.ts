import { hotQuery } from '#db/hot-query.ts';
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

const insertAudit = hotQuery(
  (
    db,
    at: string,
    userId: number | null,
    action: string,
    entity: string,
    entityId: string | null,
    beforeJson: string | null,
    afterJson: string | null,
  ) =>
    db.insertInto('audit_log').values({
      at,
      user_id: userId,
      action,
      entity,
      entity_id: entityId,
      before_json: beforeJson,
      after_json: afterJson,
    }),
);

/** Writes one audit row; call it inside the same transaction as the change it records. */
export async function writeAudit(trx: Tx, clock: Clock, entry: AuditEntry): Promise<void> {
  await insertAudit(
    trx,
    clock.now().toISOString(),
    entry.userId,
    entry.action,
    entry.entity,
    entry.entityId === null ? null : String(entry.entityId),
    toJson(entry.before),
    toJson(entry.after),
  );
}
