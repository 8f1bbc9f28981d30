import type { EventPayload } from '#contract/index.ts';
import type { patientMergeChannels } from '#contract/patient-merge.ts';
import { actorOf, type HandlerContext, type HandlerMap } from '../handler-types.ts';

export type PatientMergeChannels = keyof typeof patientMergeChannels;

/** Boards, calendars and patient pages at every desk refresh the visits that changed owner. */
function announce<T extends { changedAppointments: EventPayload<'appointment.changed'>[] }>(
  ctx: HandlerContext,
  result: T,
): Omit<T, 'changedAppointments'> {
  const { changedAppointments, ...rest } = result;
  for (const appointment of changedAppointments) ctx.hub.broadcast('appointment.changed', appointment);
  return rest;
}

export const patientMergeHandlers: HandlerMap<PatientMergeChannels> = {
  'patients.mergePreview': (input, { services }) =>
    services.patientMerge.preview(input.keptPatientId, input.mergedPatientId),
  'patients.merge': async (input, ctx) => announce(ctx, await ctx.services.patientMerge.merge(actorOf(ctx), input)),
  'patients.mergedInto': (input, { services }) => services.patientMerge.mergedInto(input.patientId),
  'patients.undoMerge': async (input, ctx) =>
    announce(ctx, await ctx.services.patientMerge.undo(actorOf(ctx), input.mergeId)),
};
