import type { Session, StaffUser } from '#contract/index.ts';
import type { HandlerContext } from '../handler-types.ts';
import { toSessionView } from '../sessions.ts';

export async function idleLockMinutes(ctx: HandlerContext): Promise<number> {
  return (await ctx.services.settings.find())?.idleLockMinutes ?? 15;
}

/**
 * Starts (or replaces) this window's session for a user who has just proven who they are, at
 * the session epoch read with that proof (a later revocation anywhere ends it).
 */
export async function startSession(
  ctx: HandlerContext,
  { user, sessionEpoch }: { user: StaffUser; sessionEpoch: number },
): Promise<Session> {
  const state = ctx.sessions.start(ctx.clientKey, {
    userId: user.userId,
    name: user.name,
    email: user.email,
    role: user.role,
    sessionEpoch,
  });
  return toSessionView(state, await idleLockMinutes(ctx));
}
