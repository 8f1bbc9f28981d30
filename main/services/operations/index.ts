// The operations domain's public face: Backups: schedule, verified copies, restore.
// Other domains (and main/services/index.ts) import this domain only through this file.

export { createBackupsService } from './backups.ts';
export type { OperationsHost } from './backups.ts';
