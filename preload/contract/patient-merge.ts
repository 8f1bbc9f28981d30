import { z } from 'zod';
import { ADMIN, channel, DESK } from './channel.ts';
import { idSchema, versionSchema } from './fields.ts';

// patients.merge*: merging a duplicate patient record into the one kept, and an admin's undo.

/** What the desk chooses side by side; a group (address, emergency contact…) moves as one. */
export const MERGE_FIELDS = [
  'name',
  'phone',
  'email',
  'gender',
  'birth',
  'medicalNotes',
  'address',
  'idNumber',
  'insurance',
  'preferredLanguage',
  'emergencyContact',
  'guardian',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

const mergeSideSchema = z.object({
  patientId: z.number(),
  patientNumber: z.string(),
  name: z.string(),
  version: z.number(),
});

/** How many rows move from the merged record to the kept one. */
export const mergeMovesSchema = z.object({
  appointments: z.number(),
  reschedules: z.number(),
  payments: z.number(),
  ledgerEntries: z.number(),
  receipts: z.number(),
  waitlistEntries: z.number(),
  /** Threads with a doctor only the merged record had: they move whole. */
  threadsMoved: z.number(),
  /** Threads with a doctor both records had: joined into the kept record's thread. */
  threadsJoined: z.number(),
  messages: z.number(),
});
export type MergeMoves = z.infer<typeof mergeMovesSchema>;

export const mergePreviewSchema = z.object({
  kept: mergeSideSchema,
  merged: mergeSideSchema,
  /** Each field's value on both records, as text (null when empty). */
  fields: z.array(
    z.object({
      field: z.enum(MERGE_FIELDS),
      kept: z.string().nullable(),
      merged: z.string().nullable(),
      differs: z.boolean(),
    }),
  ),
  moves: mergeMovesSchema,
});
export type MergePreview = z.infer<typeof mergePreviewSchema>;

const SAME_RECORD = 'Choose a different record to merge: a patient cannot be merged into itself.';

const twoRecords = z.object({
  keptPatientId: idSchema,
  mergedPatientId: idSchema,
});

const notTheSame = <T extends { keptPatientId: number; mergedPatientId: number }>(value: T, ctx: z.RefinementCtx) => {
  if (value.keptPatientId === value.mergedPatientId) {
    ctx.addIssue({ code: 'custom', path: ['mergedPatientId'], message: SAME_RECORD });
  }
};

const sideSchema = z.enum(['kept', 'merged'], { error: 'Choose the kept or the merged record’s value.' });

export const patientMergeChannels = {
  'patients.mergePreview': channel({
    description: 'Two patient records side by side, with how many rows would move to the kept one.',
    access: DESK,
    input: twoRecords.superRefine(notTheSame),
    output: mergePreviewSchema,
  }),
  'patients.merge': channel({
    description:
      'Merges a duplicate into the kept record in one transaction: chosen fields, every visit, payment, waitlist entry and thread move; the duplicate stays as a pointer.',
    access: DESK,
    input: twoRecords
      .extend({
        keptVersion: versionSchema,
        mergedVersion: versionSchema,
        /** Per field, whose value the kept record takes; a field left out keeps the kept record's value. */
        choices: z.partialRecord(z.enum(MERGE_FIELDS), sideSchema).default({}),
      })
      .superRefine(notTheSame),
    output: z.object({
      mergeId: z.number(),
      keptPatientId: z.number(),
      mergedPatientId: z.number(),
      moves: mergeMovesSchema,
    }),
  }),
  'patients.mergedInto': channel({
    description: 'The record a merged-away patient now points at, or null for a record of its own.',
    access: 'staff',
    input: z.object({ patientId: idSchema }),
    output: z.object({ keptPatientId: z.number(), keptPatientNumber: z.string() }).nullable(),
  }),
  'patients.undoMerge': channel({
    description:
      'Undoes a merge exactly, while nothing has touched either record or the moved rows since; admins only.',
    access: ADMIN,
    input: z.object({ mergeId: idSchema }),
    output: z.object({ mergeId: z.number(), keptPatientId: z.number(), mergedPatientId: z.number() }),
  }),
} as const;
