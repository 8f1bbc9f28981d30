import type { SeriesChannelName } from '#contract/series.ts';
import { actorOf, type HandlerMap } from '../handler-types.ts';
import { changed } from './front-desk.ts';

// Recurring visits: every appointment a series books or cancels refreshes boards and calendars.

export const seriesHandlers: HandlerMap<SeriesChannelName> = {
  'appointments.planSeries': (input, { services }) => services.series.plan(input),
  'appointments.bookSeries': async (input, ctx) => {
    const result = await ctx.services.series.book(actorOf(ctx), input);
    for (const appointment of result.booked) changed(ctx, appointment);
    return result;
  },
  'appointments.seriesOf': (input, { services }) => services.series.seriesOf(input.appointmentId),
  'appointments.cancelSeries': async (input, ctx) => {
    const cancelled = await ctx.services.series.cancel(actorOf(ctx), input.appointmentId, input.scope, input.reason);
    return cancelled.map((appointment) => changed(ctx, appointment));
  },
};
