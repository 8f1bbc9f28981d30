import type { ChannelName } from '#contract/index.ts';
import { actorOf, type HandlerMap } from '../handler-types.ts';

type AppointmentTypesChannels = Extract<ChannelName, `types.${string}` | `resources.${string}`>;

export const appointmentTypesHandlers: HandlerMap<AppointmentTypesChannels> = {
  'types.list': (input, { services }) => services.appointmentTypes.list(input),
  'types.create': (input, ctx) => ctx.services.appointmentTypes.create(actorOf(ctx), input),
  'types.update': (input, ctx) => {
    const { appointmentTypeId, ...fields } = input;
    return ctx.services.appointmentTypes.update(actorOf(ctx), appointmentTypeId, fields);
  },
  'resources.list': (input, { services }) => services.resources.list(input),
  'resources.create': (input, ctx) => ctx.services.resources.create(actorOf(ctx), input),
  'resources.update': (input, ctx) => {
    const { resourceId, ...fields } = input;
    return ctx.services.resources.update(actorOf(ctx), resourceId, fields);
  },
  'resources.freeFor': (input, { services }) => services.resources.freeFor(input),
};
