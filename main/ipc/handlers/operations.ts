import { randomUUID } from 'node:crypto';
import { actorOf, type HandlerMap } from '../handler-types.ts';

type OperationsChannels =
  | 'backups.getSettings'
  | 'backups.updateSettings'
  | 'backups.list'
  | 'backups.run'
  | 'backups.restore'
  | 'backups.status'
  | 'audit.list'
  | 'audit.facets';

export const operationsHandlers: HandlerMap<OperationsChannels> = {
  'backups.getSettings': (_input, { services }) => services.backups.getSettings(),
  'backups.updateSettings': (input, ctx) => ctx.services.backups.updateSettings(actorOf(ctx), input),
  'backups.list': (_input, { services }) => services.backups.list(),
  'backups.run': async (input, ctx) => {
    const runId = input.runId ?? randomUUID();
    let last = -1;
    const backup = await ctx.services.backups.run(actorOf(ctx), 'manual', (percent) => {
      if (percent === last) return;
      last = percent;
      ctx.hub.sendTo([ctx.clientKey], 'backup.progress', { runId, percent });
    });
    ctx.hub.broadcast('backups.changed', { backupId: backup.backupId });
    return backup;
  },
  'backups.restore': async (input, ctx) => {
    // The app core swaps the database, rebuilds the services and signs every window out.
    const result = await ctx.services.backups.restore(actorOf(ctx), input);
    ctx.hub.broadcast('backups.changed', { backupId: result.safetyBackup.backupId });
    // What happened, for the sign-out message; sent first, so windows have it when signed out.
    ctx.hub.broadcast('backup.restored', { backupCreatedAt: result.restored.createdAt, restoredBy: result.restoredBy });
    ctx.hub.broadcast('session.changed', { reason: 'restored' });
    return result;
  },
  'backups.status': (_input, { services }) => services.backups.status(),
  'audit.list': (input, { services }) => services.auditView.list(input.filters, input.cursor, input.limit),
  'audit.facets': (_input, { services }) => services.auditView.facets(),
};
