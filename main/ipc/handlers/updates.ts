import { AppError } from '../../services/core/errors.ts';
import type { UpdatesControl } from '../../updates/control.ts';
import type { HandlerContext, HandlerMap } from '../handler-types.ts';

type UpdatesChannels = 'updates.status' | 'updates.setSource' | 'updates.check' | 'updates.install';

function updatesOf({ runtime }: HandlerContext): UpdatesControl {
  if (!runtime.updates) throw new AppError('CONFLICT', 'This copy of Clinic desk does not look for updates.');
  return runtime.updates;
}

// This PC's updates (main/updates/control.ts); admins only, by the contract.
export const updatesHandlers: HandlerMap<UpdatesChannels> = {
  'updates.status': (_input, ctx) => Promise.resolve(updatesOf(ctx).status()),
  'updates.setSource': ({ source }, ctx) => updatesOf(ctx).setSource(source),
  'updates.check': (_input, ctx) => updatesOf(ctx).check(),
  'updates.install': async (_input, ctx) => {
    await updatesOf(ctx).install();
    return { done: true as const };
  },
};
