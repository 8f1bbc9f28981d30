import type { ChannelInput, ChannelName, ChannelOutput, ClinicError, Result } from '#contract/index.ts';
import { connection } from './connection.ts';
import { ClinicCallError } from './errors.ts';

type RawMethod = (input: unknown) => Promise<Result<unknown>>;
type RawApi = Record<string, Record<string, RawMethod | undefined> | undefined>;

/** What the session layer does when any call says the session ended or is locked. */
export type SessionErrorHandler = (error: ClinicError & { code: 'UNAUTHENTICATED' | 'SESSION_LOCKED' }) => void;

let sessionErrorHandler: SessionErrorHandler | null = null;

/** Registers the one handler for session refusals; returns a function that removes it. */
export function onSessionError(handler: SessionErrorHandler): () => void {
  sessionErrorHandler = handler;
  return () => {
    if (sessionErrorHandler === handler) sessionErrorHandler = null;
  };
}

const unreachable: ClinicError = {
  code: 'INTERNAL',
  message: 'Clinic desk could not reach its data. Check that it is still running, then try again.',
};

function methodOf(channel: ChannelName): RawMethod | undefined {
  const [domain = '', method = ''] = channel.split('.');
  // window.clinic is ClinicApi, built from the same channel list: one method per channel.
  const api = window.clinic as unknown as RawApi;
  return api[domain]?.[method];
}

/**
 * Calls one channel and unwraps its Result: the value, or a thrown ClinicCallError. A session
 * that ended or locked is reported to the session layer before the error is thrown.
 */
export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const method = methodOf(channel);
  if (!method) throw new ClinicCallError(unreachable);
  let result: Result<unknown>;
  try {
    result = await method(input);
  } catch {
    connection.unreachable(null);
    throw new ClinicCallError(unreachable);
  }
  if (!result.ok && result.error.code === 'UNAVAILABLE') connection.unreachable(result.error.message);
  else connection.answered();
  if (result.ok) return result.value as ChannelOutput<C>;
  const { error } = result;
  if (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_LOCKED')
    sessionErrorHandler?.({ ...error, code: error.code });
  throw new ClinicCallError(result.error);
}
