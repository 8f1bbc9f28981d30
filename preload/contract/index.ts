import { z } from 'zod';
import { adminChannels, adminSetupChannels, settingsSchema } from './admin.ts';
import { appointmentTypesChannels } from './appointment-types.ts';
import { authChannels } from './auth.ts';
import { callListChannels } from './call-list.ts';
import type { ChannelSpec } from './channel.ts';
import { connectionChannels } from './connection.ts';
import { diagnosticsChannels } from './diagnostics.ts';
import { encryptionChannels } from './encryption.ts';
import { updatesChannels } from './updates.ts';
import { printingChannels } from './printing.ts';
import { exportsChannels } from './exports.ts';
import { frontDeskChannels } from './front-desk.ts';
import { seriesChannels } from './series.ts';
import { patientsChannels } from './patients.ts';
import { patientMergeChannels } from './patient-merge.ts';
import { patientImportChannels, patientImportEvents } from './patient-import.ts';
import { operationsChannels, operationsEvents } from './operations.ts';
import { messagesChannels, messagesEvents } from './messages.ts';
import { paymentEvents, paymentsChannels } from './payments.ts';
import { scheduleChannels } from './schedule.ts';
import { ROLES } from './fields.ts';

/**
 * The single source of truth for every channel between renderer and main: input and output
 * schemas, who may call it, and what it does. Main's dispatcher, the Electron preload and the
 * web-shell bridge are all built from this object, and their types are derived from it.
 */

export const contract = {
  ...adminSetupChannels,
  ...connectionChannels,
  ...authChannels,
  ...adminChannels,
  ...scheduleChannels,
  ...patientsChannels,
  ...patientMergeChannels,
  ...patientImportChannels,
  ...frontDeskChannels,
  ...seriesChannels,
  ...appointmentTypesChannels,
  ...operationsChannels,
  ...exportsChannels,
  ...messagesChannels,
  ...paymentsChannels,
  ...diagnosticsChannels,
  ...encryptionChannels,
  ...updatesChannels,
  ...printingChannels,
  ...callListChannels,
} as const satisfies Record<string, ChannelSpec>;

/** Events main pushes to windows. Each payload is validated before it is sent. */
export const events = {
  /** This window's session was locked or ended by main (idle lock, deactivation). */
  'session.changed': z.object({ reason: z.enum(['locked', 'deactivated', 'restored']) }),
  /** The clinic settings changed at some desk. */
  'settings.changed': settingsSchema,
  /** Slots, templates or leave of a doctor changed: calendars refresh those dates. */
  'schedule.changed': z.object({ doctorId: z.number().nullable() }),
  /** An appointment was booked, moved or changed status: boards and calendars refresh. */
  'appointment.changed': z.object({
    appointmentId: z.number(),
    doctorId: z.number(),
    date: z.string(),
    status: z.string(),
  }),
  /** A staff account was created or changed (admins' windows refresh their lists). */
  'users.changed': z.object({ userId: z.number() }),
  ...operationsEvents,
  ...messagesEvents,
  ...paymentEvents,
  ...patientImportEvents,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends ChannelName> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Contract[C]['output']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'STALE',
  'SLOT_TAKEN',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'UNKNOWN_CHANNEL',
  /** main cannot be reached (web shell server stopped, database server down) */
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ClinicError {
  code: ErrorCode;
  /** A whole sentence for the user; never SQL, a stack trace or a file path. */
  message: string;
  /** Field path ("doctor.consultationFee") to a sentence about that field. */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ClinicError };

export { ROLES };
export * from './admin.ts';
export * from './auth.ts';
export * from './patients.ts';
export type { Access, ChannelSpec } from './channel.ts';
