import { actorOf, type HandlerContext, type HandlerMap } from '../handler-types.ts';
import { endRevokedSessionsOf } from '../session-check.ts';

type AdminChannels =
  | 'settings.get'
  | 'settings.update'
  | 'users.list'
  | 'users.get'
  | 'users.create'
  | 'users.update'
  | 'users.setStatus'
  | 'users.resetPassword';

/** Ends every session of a deactivated account at once, in every window. */
function endSessionsOf(ctx: HandlerContext, userId: number): void {
  const keys = ctx.sessions.keysOfUser(userId);
  for (const key of keys) ctx.sessions.end(key);
  ctx.hub.sendTo(keys, 'session.changed', { reason: 'deactivated' });
}

export const adminHandlers: HandlerMap<AdminChannels> = {
  'settings.get': (_input, { services }) => services.settings.get(),
  'settings.update': async (input, ctx) => {
    const settings = await ctx.services.settings.update(actorOf(ctx), input);
    ctx.hub.broadcast('settings.changed', settings);
    return settings;
  },
  'users.list': (input, { services }) => services.users.list(input),
  'users.get': (input, { services }) => services.users.get(input.userId),
  'users.create': async (input, ctx) => {
    const user = await ctx.services.users.create(actorOf(ctx), input);
    ctx.hub.broadcast('users.changed', { userId: user.userId });
    return user;
  },
  'users.update': async (input, ctx) => {
    const user = await ctx.services.users.update(actorOf(ctx), input);
    ctx.hub.broadcast('users.changed', { userId: user.userId });
    return user;
  },
  'users.setStatus': async (input, ctx) => {
    const user = await ctx.services.users.setStatus(actorOf(ctx), input.userId, input.status);
    if (input.status === 'inactive') endSessionsOf(ctx, input.userId);
    ctx.hub.broadcast('users.changed', { userId: user.userId });
    return user;
  },
  'users.resetPassword': async (input, ctx) => {
    const sessionEpoch = await ctx.services.users.resetPassword(actorOf(ctx), input.userId, input.newPassword);
    // The new password ended the user's sessions everywhere (session_epoch moved on); an admin
    // who reset their own keeps this window, and this core forgets the others now.
    if (ctx.session?.userId === input.userId) ctx.session.sessionEpoch = sessionEpoch;
    await endRevokedSessionsOf(ctx.services.deps.db, ctx.sessions, input.userId);
    ctx.hub.broadcast('users.changed', { userId: input.userId });
    return { done: true };
  },
};
