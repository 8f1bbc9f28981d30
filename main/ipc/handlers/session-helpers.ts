import type { Session, StaffUser } from '../../../preload/contract.ts';
import type { HandlerContext } from '../handler-types.ts';
import { toSessionView } from '../sessions.ts';

export async function idleLockMinutes(ctx: HandlerContext): Promise<number> {
  return (await ctx.services.settings.find())?.idleLockMinutes ?? 15;
}

/** Starts (or replaces) this window's session for a user who has just proven who they are. */
export async function startSession(ctx: HandlerContext, user: StaffUser): Promise<Session> {
  const state = ctx.sessions.start(ctx.clientKey, {
    userId: user.userId,
    name: user.name,
    email: user.email,
    role: user.role,
  });
  return toSessionView(state, await idleLockMinutes(ctx));
}
