import type { ChannelName } from '#contract/index.ts';
import type { HandlerMap } from '../handler-types.ts';
import { adminHandlers } from './admin.ts';
import { appointmentTypesHandlers } from './appointment-types.ts';
import { authHandlers } from './auth.ts';
import { callListHandlers } from './call-list.ts';
import { connectionHandlers } from './connection.ts';
import { diagnosticsHandlers } from './diagnostics.ts';
import { encryptionHandlers } from './encryption.ts';
import { updatesHandlers } from './updates.ts';
import { printingHandlers } from './printing.ts';
import { exportsHandlers } from './exports.ts';
import { frontDeskHandlers } from './front-desk.ts';
import { seriesHandlers } from './series.ts';
import { operationsHandlers } from './operations.ts';
import { messagesHandlers } from './messages.ts';
import { patientsHandlers } from './patients.ts';
import { patientMergeHandlers } from './patient-merge.ts';
import { patientImportHandlers } from './patient-import.ts';
import { paymentsHandlers } from './payments.ts';
import { scheduleHandlers } from './schedule.ts';

/**
 * Every channel's handler. Typed as a map over the whole contract, so a channel without a
 * handler (or a handler without a channel) is a compile error; a test checks it at runtime too.
 */
export const handlers: HandlerMap<ChannelName> = {
  ...authHandlers,
  ...connectionHandlers,
  ...adminHandlers,
  ...scheduleHandlers,
  ...patientsHandlers,
  ...patientMergeHandlers,
  ...patientImportHandlers,
  ...frontDeskHandlers,
  ...seriesHandlers,
  ...appointmentTypesHandlers,
  ...operationsHandlers,
  ...exportsHandlers,
  ...messagesHandlers,
  ...paymentsHandlers,
  ...diagnosticsHandlers,
  ...encryptionHandlers,
  ...updatesHandlers,
  ...printingHandlers,
  ...callListHandlers,
};
