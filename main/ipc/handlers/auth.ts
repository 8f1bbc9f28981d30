import { AppError } from '../../services/core/errors.ts';
import { actorOf, type HandlerMap } from '../handler-types.ts';
import { toSessionView } from '../sessions.ts';
import { idleLockMinutes, startSession } from './session-helpers.ts';

type AuthChannels =
  | 'setup.status'
  | 'setup.complete'
  | 'auth.session'
  | 'auth.signIn'
  | 'auth.signOut'
  | 'auth.lock'
  | 'auth.unlock'
  | 'auth.touch'
  | 'auth.changePassword';

export const authHandlers: HandlerMap<AuthChannels> = {
  'setup.status': async (_input, { services }) => {
    const settings = await services.settings.find();
    return { needsSetup: await services.setup.needsSetup(), clinicName: settings?.clinicName ?? null };
  },
  // The first admin was just made: its epoch is still the starting 0.
  'setup.complete': async (input, ctx) =>
    startSession(ctx, { user: await ctx.services.setup.complete(input), sessionEpoch: 0 }),
  'auth.session': async (_input, ctx) => (ctx.session ? toSessionView(ctx.session, await idleLockMinutes(ctx)) : null),
  'auth.signIn': async (input, ctx) => startSession(ctx, await ctx.services.auth.signIn(input.email, input.password)),
  'auth.signOut': async (_input, ctx) => {
    ctx.sessions.end(ctx.clientKey);
    return { done: true };
  },
  'auth.lock': async (_input, ctx) => {
    const session = ctx.session;
    if (!session) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
    session.locked = true;
    return toSessionView(session, await idleLockMinutes(ctx));
  },
  'auth.unlock': async (input, ctx) => {
    return startSession(ctx, await ctx.services.auth.verifyOwnPassword(actorOf(ctx), input.password));
  },
  'auth.touch': async () => ({ done: true }),
  'auth.changePassword': async (input, ctx) => {
    const sessionEpoch = await ctx.services.auth.changePassword(actorOf(ctx), input.currentPassword, input.newPassword);
    // The new password ended the user's other sessions; this window proved it and stays in.
    if (ctx.session) ctx.session.sessionEpoch = sessionEpoch;
    return { done: true };
  },
};
