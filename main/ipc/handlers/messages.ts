import type { ChannelName } from '#contract/index.ts';
import { canReadThread } from '../../services/messages/chats.ts';
import { actorOf, type HandlerContext, type HandlerMap } from '../handler-types.ts';

type MessagesChannels = Extract<ChannelName, `messages.${string}`>;

/** Windows whose signed-in, unlocked user may read the doctor's threads (others hear nothing). */
export function threadAudience(ctx: HandlerContext, doctorId: number): (clientKey: string) => boolean {
  return (clientKey) => {
    const session = ctx.sessions.get(clientKey);
    return session !== undefined && !session.locked && canReadThread(session, doctorId);
  };
}

export const messagesHandlers: HandlerMap<MessagesChannels> = {
  'messages.threads': (input, ctx) => ctx.services.messages.threads(actorOf(ctx), input),
  'messages.thread': (input, ctx) => ctx.services.messages.thread(actorOf(ctx), input.chatId),
  'messages.openThread': (input, ctx) =>
    ctx.services.messages.openThread(actorOf(ctx), input.doctorId, input.patientId),
  'messages.page': (input, ctx) => ctx.services.messages.page(actorOf(ctx), input.chatId, input.before, input.limit),
  'messages.send': async (input, ctx) => {
    const { message, thread } = await ctx.services.messages.send(actorOf(ctx), input.chatId, input.text);
    ctx.hub.broadcastWhere(
      'message.sent',
      { chatId: thread.chatId, messageId: message.messageId, doctorId: thread.doctorId, patientId: thread.patientId },
      threadAudience(ctx, thread.doctorId),
    );
    return message;
  },
  'messages.markRead': async (input, ctx) => {
    const actor = actorOf(ctx);
    const totals = await ctx.services.messages.markRead(actor, input.chatId, input.upToMessageId);
    ctx.hub.sendTo(ctx.sessions.keysOfUser(actor.userId), 'message.read', {
      chatId: input.chatId,
      userId: actor.userId,
    });
    return totals;
  },
  'messages.unreadTotals': (_input, ctx) => ctx.services.messages.unreadTotals(actorOf(ctx)),
  'messages.search': (input, ctx) =>
    ctx.services.messages.search(actorOf(ctx), input.query, input.doctorId, input.limit),
};
