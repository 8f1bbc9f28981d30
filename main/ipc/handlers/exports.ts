import type { ChannelName } from '#contract/index.ts';
import { actorOf, type HandlerMap } from '../handler-types.ts';

type ExportsChannels = Extract<ChannelName, `exports.${string}`>;

export const exportsHandlers: HandlerMap<ExportsChannels> = {
  'exports.patientsCsv': (input, ctx) => ctx.services.exports.patientsCsv(actorOf(ctx), input),
  'exports.appointmentsCsv': (input, ctx) => ctx.services.exports.appointmentsCsv(actorOf(ctx), input),
  'exports.doctorIcs': (input, ctx) => ctx.services.exports.doctorIcs(actorOf(ctx), input),
  'exports.fhirBundle': (input, ctx) => ctx.services.exports.fhirBundle(actorOf(ctx), input),
};
