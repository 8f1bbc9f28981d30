import type { ChannelName } from '#contract/index.ts';
import { actorOf, type HandlerMap } from '../handler-types.ts';
import type { PatientMergeChannels } from './patient-merge.ts';

type PatientsChannels = Exclude<Extract<ChannelName, `patients.${string}`>, PatientMergeChannels>;

export const patientsHandlers: HandlerMap<PatientsChannels> = {
  'patients.search': (input, { services }) => services.patients.search(input.query, input.limit),
  'patients.findDuplicates': (input, { services }) => services.patients.findDuplicates(input),
  'patients.register': (input, ctx) => ctx.services.patients.register(actorOf(ctx), input),
  'patients.update': (input, ctx) => {
    const { patientId, version, ...fields } = input;
    return ctx.services.patients.update(actorOf(ctx), patientId, version, fields);
  },
  'patients.get': (input, ctx) => ctx.services.patients.get(input.patientId, actorOf(ctx)),
};
