import type { CallListEntry } from '#contract/call-list.ts';
import type { ChannelName } from '#contract/index.ts';
import { actorOf, type HandlerContext, type HandlerMap } from '../handler-types.ts';

type CallListChannels = Extract<ChannelName, `calls.${string}` | `printouts.${string}`>;

/** A call mark shows on every desk's board (and a "cancelled" call frees the slot in calendars). */
function marked(ctx: HandlerContext, entry: CallListEntry): CallListEntry {
  ctx.hub.broadcast('appointment.changed', {
    appointmentId: entry.appointmentId,
    doctorId: entry.doctorId,
    date: entry.date,
    status: entry.status,
  });
  if (entry.status === 'cancelled') ctx.hub.broadcast('schedule.changed', { doctorId: entry.doctorId });
  return entry;
}

export const callListHandlers: HandlerMap<CallListChannels> = {
  'calls.day': (input, ctx) => ctx.services.callList.day(actorOf(ctx), input),
  'calls.mark': async (input, ctx) => marked(ctx, await ctx.services.callList.mark(actorOf(ctx), input)),
  'calls.history': (input, ctx) => ctx.services.callList.history(actorOf(ctx), input.appointmentId),
  'calls.csv': (input, ctx) => ctx.services.callList.csv(actorOf(ctx), input),
  'printouts.dayList': (input, ctx) => ctx.services.printouts.dayList(actorOf(ctx), input),
  'printouts.appointmentCard': (input, ctx) =>
    ctx.services.printouts.appointmentCard(actorOf(ctx), input.appointmentId),
};
