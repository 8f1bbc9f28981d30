import { contract, type ChannelName, type ChannelSpec, type ClinicError, type Result } from '#contract/index.ts';
import { roleMayUse } from '#contract/channel.ts';
import type { ConnectionControl } from '../connection/control.ts';
import { AppError, databaseErrorToAppError } from '../services/core/errors.ts';
import type { Services } from '../services/index.ts';
import type { EventHub } from './event-hub.ts';
import { defaultRuntimeInfo, type RuntimeInfo } from './runtime-info.ts';
import type { Handler, HandlerContext } from './handler-types.ts';
import { handlers } from './handlers/index.ts';
import { checkSession } from './session-check.ts';
import type { SessionState, SessionStore } from './sessions.ts';
import { validationError } from './validation.ts';

export interface DispatcherDeps {
  services: Services;
  sessions: SessionStore;
  hub: EventHub;
  /** The first-run choice of where the data lives. */
  connection: ConnectionControl;
  /** The log folder and version for diagnostics (none: the logs are not exported). */
  runtime?: RuntimeInfo;
}

/** settings.idle_lock_minutes >= 1, a CHECK of the settings table. */
const MIN_IDLE_LOCK_MS = 60_000;

const fail = (error: ClinicError): Result<never> => ({ ok: false, error });

const isChannel = (name: string): name is ChannelName => Object.hasOwn(contract, name);

/** Who may call: null when allowed, otherwise the refusal. */
function checkAccess(spec: ChannelSpec, session: SessionState | undefined, revoked: boolean): ClinicError | null {
  if (spec.access === 'public') return null;
  // The same code as signed out, so the window goes back to sign-in.
  if (!session && revoked) {
    return {
      code: 'UNAUTHENTICATED',
      message: 'Your account was changed by an admin or locked, so you were signed out. Sign in again to continue.',
    };
  }
  if (!session) return { code: 'UNAUTHENTICATED', message: 'Your session has ended. Sign in again to continue.' };
  if (session.locked && !spec.whileLocked) {
    return { code: 'SESSION_LOCKED', message: 'This screen is locked. Enter your password to continue.' };
  }
  if (roleMayUse(spec.access, session.role)) return null;
  return { code: 'FORBIDDEN', message: 'Your role does not allow this. Ask an admin if you need it.' };
}

/**
 * The one entry point for every call, from Electron IPC and the web shell alike:
 * session and role check, zod parse, service call, output check, errors as data.
 */
export function createDispatcher({
  services,
  sessions,
  hub,
  connection,
  runtime = defaultRuntimeInfo(),
}: DispatcherDeps) {
  const { logger } = services.deps;

  async function lockIfIdle(clientKey: string, spec: ChannelSpec): Promise<void> {
    const session = sessions.get(clientKey);
    if (!session || session.locked || spec.whileLocked) return;
    // The lock is a minute at least (the database refuses less): a session used within the last
    // minute cannot be due, so the setting is read only after a pause, not on every call.
    if (services.deps.clock.now().getTime() - session.lastActivityAt < MIN_IDLE_LOCK_MS) return;
    const minutes = (await services.settings.find())?.idleLockMinutes ?? 15;
    if (sessions.lockIfIdle(clientKey, minutes)) hub.sendTo([clientKey], 'session.changed', { reason: 'locked' });
  }

  async function dispatch(clientKey: string, channelName: string, rawInput: unknown): Promise<Result<unknown>> {
    if (!isChannel(channelName)) {
      return fail({
        code: 'UNKNOWN_CHANNEL',
        message: 'The app asked for something this version does not know. Restart it.',
      });
    }
    const spec: ChannelSpec = contract[channelName];
    try {
      // The database says whether the session still stands (revoked by another process or PC).
      const check = await checkSession(services.deps.db, sessions, clientKey);
      await lockIfIdle(clientKey, spec);
      const session = check.state === 'valid' ? check.session : undefined;
      const refusal = checkAccess(spec, session, check.state === 'revoked');
      if (refusal) return fail(refusal);
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) return fail(validationError(parsed.error));
      if (session && !spec.whileLocked) sessions.touch(clientKey);
      const context: HandlerContext = {
        clientKey,
        session: session ?? null,
        services,
        sessions,
        hub,
        connection,
        runtime,
      };
      const handler = handlers[channelName] as Handler<ChannelName>;
      const value = await handler(parsed.data as never, context);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        logger.error('Handler returned a value outside its contract', {
          channel: channelName,
          issues: checked.error.issues,
        });
        return fail({
          code: 'INTERNAL',
          message: 'Something went wrong on our side. Nothing was changed by this screen; try again.',
        });
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      if (error instanceof AppError) return fail(error.toClinicError());
      const mapped = databaseErrorToAppError(error);
      if (mapped) return fail(mapped.toClinicError());
      // The error itself, so a file logger keeps its stack (the input is never logged).
      logger.error('Unexpected error in a channel', { channel: channelName, error });
      return fail({
        code: 'INTERNAL',
        message: 'Something went wrong on our side. Try again; if it keeps happening, tell the admin.',
      });
    }
  }

  return { dispatch };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
