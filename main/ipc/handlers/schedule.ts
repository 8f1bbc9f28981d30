import type { ChannelName } from '#contract/index.ts';
import { actorOf, type HandlerContext, type HandlerMap } from '../handler-types.ts';

type ScheduleChannels = Extract<
  ChannelName,
  `doctors.${string}` | `templates.${string}` | `exceptions.${string}` | `slots.${string}` | `schedule.${string}`
>;

/** Calendars at every desk refresh when a doctor's schedule changes. */
function changed<T>(ctx: HandlerContext, doctorId: number | null, value: T): T {
  ctx.hub.broadcast('schedule.changed', { doctorId });
  return value;
}

export const scheduleHandlers: HandlerMap<ScheduleChannels> = {
  'doctors.list': (input, { services }) => services.doctors.list(input),
  'doctors.get': (input, { services }) => services.doctors.get(input.doctorId),
  'doctors.specializations': (_input, { services }) => services.doctors.specializations(),
  'doctors.update': async (input, ctx) => {
    const { doctorId, version, ...profile } = input;
    return changed(ctx, doctorId, await ctx.services.doctors.update(actorOf(ctx), doctorId, version, profile));
  },
  'doctors.updateAbout': async (input, ctx) =>
    changed(
      ctx,
      input.doctorId,
      await ctx.services.doctors.updateAbout(actorOf(ctx), input.doctorId, input.version, input.about),
    ),
  'templates.list': (input, { services }) => services.templates.list(input.doctorId),
  'templates.create': async (input, ctx) => {
    const { doctorId, ...rule } = input;
    return changed(ctx, doctorId, await ctx.services.templates.create(actorOf(ctx), doctorId, rule));
  },
  'templates.update': async (input, ctx) => {
    const { templateId, version, ...rule } = input;
    const result = await ctx.services.templates.update(actorOf(ctx), templateId, version, rule);
    return changed(ctx, result.template.doctorId, result);
  },
  'templates.delete': async (input, ctx) =>
    changed(ctx, null, await ctx.services.templates.remove(actorOf(ctx), input.templateId)),
  'exceptions.list': (input, { services }) => services.exceptions.list(input.doctorId, input.from),
  'exceptions.previewLeave': (input, ctx) => ctx.services.exceptions.previewLeave(actorOf(ctx), input),
  'exceptions.addLeave': async (input, ctx) =>
    changed(ctx, input.doctorId, await ctx.services.exceptions.addLeave(actorOf(ctx), input)),
  'exceptions.addExtra': async (input, ctx) =>
    changed(ctx, input.doctorId, await ctx.services.exceptions.addExtra(actorOf(ctx), input)),
  'exceptions.delete': async (input, ctx) =>
    changed(ctx, null, await ctx.services.exceptions.remove(actorOf(ctx), input.exceptionId)),
  'slots.addManual': async (input, ctx) =>
    changed(ctx, input.doctorId, await ctx.services.slots.addManual(actorOf(ctx), input)),
  'slots.block': async (input, ctx) => {
    const slot = await ctx.services.slots.block(actorOf(ctx), input.availabilityId, input.reason);
    return changed(ctx, slot.doctorId, slot);
  },
  'slots.unblock': async (input, ctx) => {
    const slot = await ctx.services.slots.unblock(actorOf(ctx), input.availabilityId);
    return changed(ctx, slot.doctorId, slot);
  },
  'slots.generate': async (input, ctx) =>
    changed(ctx, input.doctorId ?? null, await ctx.services.slots.generate(actorOf(ctx), input.doctorId)),
  'schedule.day': ({ date, ...filter }, { services }) => services.scheduleView.day(date, filter),
  'schedule.week': (input, { services }) => services.scheduleView.week(input.doctorId, input.date),
  'schedule.myDay': (input, ctx) => ctx.services.scheduleView.myDay(actorOf(ctx).userId, input.date),
  'schedule.whyNot': (input, { services }) => services.scheduleView.whyNot(input.doctorId, input.date, input.time),
  'schedule.nextFree': (input, { services }) => services.scheduleView.nextFree(input),
};
