import type { ChannelName } from '#contract/index.ts';
import type { HandlerMap } from '../handler-types.ts';
import { adminHandlers } from './admin.ts';
import { authHandlers } from './auth.ts';
import { connectionHandlers } from './connection.ts';
import { diagnosticsHandlers } from './diagnostics.ts';
import { encryptionHandlers } from './encryption.ts';
import { updatesHandlers } from './updates.ts';
import { printingHandlers } from './printing.ts';
import { exportsHandlers } from './exports.ts';
import { frontDeskHandlers } from './front-desk.ts';
import { operationsHandlers } from './operations.ts';
import { messagesHandlers } from './messages.ts';
import { patientsHandlers } from './patients.ts';
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
  ...frontDeskHandlers,
  ...operationsHandlers,
  ...exportsHandlers,
  ...messagesHandlers,
  ...paymentsHandlers,
  ...diagnosticsHandlers,
  ...encryptionHandlers,
  ...updatesHandlers,
  ...printingHandlers,
};
