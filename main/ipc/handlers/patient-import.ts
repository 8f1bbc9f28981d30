import type { ChannelName } from '#contract/index.ts';
import { actorOf, type HandlerMap } from '../handler-types.ts';

type PatientImportChannels = Extract<ChannelName, `imports.${string}`>;

export const patientImportHandlers: HandlerMap<PatientImportChannels> = {
  'imports.read': (input, { services }) => services.patientImport.read(input.file),
  'imports.preview': (input, { services }) => services.patientImport.preview(input),
  'imports.dryRun': (input, { services }) => services.patientImport.dryRun(input),
  'imports.run': (input, ctx) =>
    // Progress goes to the window that started the import, after each batch.
    ctx.services.patientImport.run(actorOf(ctx), input, (done, total) =>
      ctx.hub.sendTo([ctx.clientKey], 'imports.progress', { runId: input.runId, done, total }),
    ),
  'imports.cancel': (input, { services }) => services.patientImport.cancel(input.runId),
};
