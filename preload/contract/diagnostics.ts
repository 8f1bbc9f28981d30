import { z } from 'zod';
import { ADMIN, channel, noInput } from './channel.ts';

// Support: the "Export diagnostics" zip (main/diagnostics/), also in the desktop app's Help menu.

export const diagnosticsChannels = {
  'diagnostics.export': channel({
    description:
      'A zip for whoever supports the clinic: recent logs, versions, settings without secrets, the database check and schema version.',
    access: ADMIN,
    input: noInput,
    output: z.object({ fileName: z.string(), zipBase64: z.string() }),
  }),
} as const;
