// The operations domain's public face: Backups (schedule, verified copies, restore) and the audit viewer.
// Other domains (and main/services/index.ts) import this domain only through this file.

export { createBackupsService } from './backups.ts';
export type { OperationsHost } from './backups.ts';
export { createAuditViewService } from './audit-view.ts';
