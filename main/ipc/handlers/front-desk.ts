import type { Appointment } from '#contract/front-desk.ts';
import type { ChannelName } from '#contract/index.ts';
import type { SeriesChannelName } from '#contract/series.ts';
import { actorOf, type HandlerContext, type HandlerMap } from '../handler-types.ts';

type FrontDeskChannels = Exclude<
  Extract<ChannelName, `appointments.${string}` | `waitlist.${string}`>,
  SeriesChannelName
>;

/** Boards, calendars and patient pages at every desk refresh when an appointment changes. */
export function changed(ctx: HandlerContext, appointment: Appointment): Appointment {
  ctx.hub.broadcast('appointment.changed', {
    appointmentId: appointment.appointmentId,
    doctorId: appointment.doctorId,
    date: appointment.date,
    status: appointment.status,
  });
  ctx.hub.broadcast('schedule.changed', { doctorId: appointment.doctorId });
  return appointment;
}

export const frontDeskHandlers: HandlerMap<FrontDeskChannels> = {
  'appointments.book': async (input, ctx) => changed(ctx, await ctx.services.appointments.book(actorOf(ctx), input)),
  'appointments.suggestBooking': (input, { services }) => services.bookingSuggestion.suggest(input.patientId),
  'appointments.get': (input, { services }) => services.appointments.get(input.appointmentId),
  'appointments.checkIn': async (input, ctx) =>
    changed(ctx, await ctx.services.appointments.checkIn(actorOf(ctx), input.appointmentId)),
  'appointments.startConsultation': async (input, ctx) =>
    changed(ctx, await ctx.services.appointments.startConsultation(actorOf(ctx), input.appointmentId)),
  'appointments.complete': async (input, ctx) =>
    changed(ctx, await ctx.services.appointments.complete(actorOf(ctx), input.appointmentId)),
  'appointments.noShow': async (input, ctx) =>
    changed(ctx, await ctx.services.appointments.noShow(actorOf(ctx), input.appointmentId, input.reason ?? null)),
  'appointments.cancel': async (input, ctx) =>
    changed(ctx, await ctx.services.appointments.cancel(actorOf(ctx), input.appointmentId, input.reason)),
  'appointments.undoLastStep': async (input, ctx) =>
    changed(ctx, await ctx.services.appointments.undoLastStep(actorOf(ctx), input.appointmentId, input.reason)),
  'appointments.reschedule': async (input, ctx) =>
    changed(
      ctx,
      await ctx.services.appointments.reschedule(
        actorOf(ctx),
        input.appointmentId,
        input.newAvailabilityId,
        input.reason,
      ),
    ),
  'appointments.walkIn': async (input, ctx) =>
    changed(
      ctx,
      await ctx.services.appointments.walkIn(
        actorOf(ctx),
        input.patientId,
        input.doctorId,
        input.overlapOverrideReason,
      ),
    ),
  'appointments.board': (input, ctx) => ctx.services.appointments.board(actorOf(ctx), input),
  'waitlist.add': (input, ctx) => ctx.services.waitlist.add(actorOf(ctx), input),
  'waitlist.list': (_input, { services }) => services.waitlist.list(),
  'waitlist.remove': (input, ctx) => ctx.services.waitlist.remove(actorOf(ctx), input.waitlistId),
  'waitlist.matches': (_input, { services }) => services.waitlist.matches(),
  'waitlist.book': async (input, ctx) =>
    changed(ctx, await ctx.services.waitlist.book(actorOf(ctx), input.waitlistId, input.availabilityId)),
};
