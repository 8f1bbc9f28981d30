import { z } from 'zod';
import { ADMIN, channel } from './channel.ts';
import { dateSchema, idSchema, orderedRange, textSchema, versionSchema } from './fields.ts';

// Operations: verified backups and restore, and the audit viewer. Admin only, except the
// backup status that the home screen of every desk reads to warn about old backups.

export const RESTORE_CONFIRMATION = 'RESTORE';
/** The home screen warns when the last verified backup is older than this. */
export const BACKUP_WARN_HOURS = 48;

export const backupSettingsSchema = z.object({
  folder: z.string().nullable(),
  dailyTime: z.string(),
  keepCount: z.number(),
  enabled: z.boolean(),
  version: z.number(),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const backupSettingsUpdateSchema = z.object({
  version: versionSchema,
  folder: textSchema('backup folder', 'Enter the backup folder.')
    .trim()
    .min(1, 'Enter the backup folder.')
    .max(1000, 'Use at most 1000 characters for the backup folder.'),
  dailyTime: z
    .string({ error: 'Enter the daily backup time as HH:MM.' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter the daily backup time as HH:MM, for example 02:30.'),
  keepCount: z
    .number({ error: 'Enter how many backups to keep.' })
    .int('Enter a whole number of backups to keep.')
    .min(1, 'Keep at least 1 backup.')
    .max(365, 'Keep at most 365 backups.'),
  enabled: z.boolean({ error: 'Choose whether the daily backup runs.' }),
});

export const BACKUP_KINDS = ['auto', 'manual', 'pre-restore', 'cli'] as const;

export const backupSchema = z.object({
  backupId: z.number(),
  fileName: z.string(),
  path: z.string(),
  createdAt: z.string(),
  sizeBytes: z.number(),
  kind: z.enum(BACKUP_KINDS),
  schemaVersion: z.string().nullable(),
  rowCounts: z.record(z.string(), z.number()),
  integrity: z.string().nullable(),
  verified: z.enum(['ok', 'failed']),
  message: z.string().nullable(),
  durationMs: z.number(),
  /** The file was removed by keep-last-N pruning (or is missing). */
  deleted: z.boolean(),
});
export type Backup = z.infer<typeof backupSchema>;

/** The last weekly full check (integrity_check) of the live file. */
export const fullCheckSchema = z.object({
  /** When it finished (UTC). */
  at: z.string(),
  ok: z.boolean(),
  /** "ok", or the first problems found. */
  result: z.string(),
});
export type FullCheck = z.infer<typeof fullCheckSchema>;

export const backupStatusSchema = z.object({
  /** False in PostgreSQL mode, where backups are the database server's job. */
  available: z.boolean(),
  lastGoodAt: z.string().nullable(),
  /** Whole hours since the last verified backup; null when there is none. */
  ageHours: z.number().nullable(),
  warn: z.boolean(),
  /** Null until the first one has run (and in PostgreSQL mode). */
  lastFullCheck: fullCheckSchema.nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

const auditCursorSchema = z.number({ error: 'Reload the list and try again.' }).int().positive();

export const auditFiltersSchema = z
  .object({
    userId: idSchema.optional(),
    action: textSchema('action').trim().max(80, 'Use at most 80 characters for the action.').optional(),
    entity: textSchema('entity').trim().max(80, 'Use at most 80 characters for the entity.').optional(),
    patientId: idSchema.optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
  })
  .superRefine(orderedRange);
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const auditRowSchema = z.object({
  auditId: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  userName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** Whom the record is about, by name: the patient of a patient record, appointment or payment; the person of a user or doctor record. */
  subjectName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditRow = z.infer<typeof auditRowSchema>;

export const operationsChannels = {
  'backups.getSettings': channel({
    description: 'The backup folder, daily time, how many to keep and whether it runs.',
    access: ADMIN,
    input: z.object({}).strict(),
    output: backupSettingsSchema,
  }),
  'backups.updateSettings': channel({
    description: 'Saves the backup folder and schedule; refused if someone else saved first.',
    access: ADMIN,
    input: backupSettingsUpdateSchema,
    output: backupSettingsSchema,
  }),
  'backups.list': channel({
    description: 'Backups made, newest first, with size, time and verification result.',
    access: ADMIN,
    input: z.object({}).strict(),
    output: z.array(backupSchema),
  }),
  'backups.run': channel({
    description: 'Backs up now into the backup folder, verifies the copy and returns it.',
    access: ADMIN,
    input: z.object({ runId: textSchema('backup run').max(64).optional() }),
    output: backupSchema,
  }),
  'backups.restore': channel({
    description: 'Replaces the database with a verified backup after a typed confirmation.',
    access: ADMIN,
    input: z
      .object({
        backupId: idSchema.optional(),
        path: textSchema('backup file').trim().min(1, 'Enter the backup file.').max(1000).optional(),
        confirmation: textSchema('confirmation', `Type ${RESTORE_CONFIRMATION} to confirm.`),
      })
      .refine((v) => v.backupId !== undefined || v.path !== undefined, {
        message: 'Choose a backup to restore.',
        path: ['backupId'],
      })
      .refine((v) => v.confirmation.trim() === RESTORE_CONFIRMATION, {
        message: `Type ${RESTORE_CONFIRMATION} in capitals to confirm the restore.`,
        path: ['confirmation'],
      }),
    output: z.object({ restored: backupSchema, safetyBackup: backupSchema }),
  }),
  'backups.status': channel({
    description: 'How old the last verified backup is, so every desk can warn.',
    access: 'staff',
    input: z.object({}).strict(),
    output: backupStatusSchema,
  }),
  'audit.list': channel({
    description: 'The audit trail, newest first, filtered, a page at a time.',
    access: ADMIN,
    input: z.object({
      filters: auditFiltersSchema.default({}),
      cursor: auditCursorSchema.optional(),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ rows: z.array(auditRowSchema), nextCursor: z.number().nullable() }),
  }),
  'audit.facets': channel({
    description: 'The users, actions and entities of the audit trail, for the filters.',
    access: ADMIN,
    input: z.object({}).strict(),
    output: z.object({
      users: z.array(z.object({ userId: z.number(), name: z.string() })),
      actions: z.array(z.string()),
      entities: z.array(z.string()),
    }),
  }),
} as const;

export const operationsEvents = {
  /** A backup is being written: how far along it is (0-100). */
  'backup.progress': z.object({ runId: z.string(), percent: z.number() }),
  /** A backup finished or a restore happened: the backups list refreshes. */
  'backups.changed': z.object({ backupId: z.number() }),
  /**
   * The database was restored (sent just before `session.changed` with reason `restored`): the
   * backup's time and the restoring admin's name (null: the command line), for the sign-out message.
   */
  'backup.restored': z.object({ backupCreatedAt: z.string(), restoredBy: z.string().nullable() }),
} as const;
