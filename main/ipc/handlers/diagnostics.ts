import { buildDiagnostics } from '../../diagnostics/diagnostics.ts';
import type { HandlerMap } from '../handler-types.ts';

// Support: the diagnostics zip, handed to the window to save (admins only, by the contract).
export const diagnosticsHandlers: HandlerMap<'diagnostics.export'> = {
  'diagnostics.export': async (_input, { services, connection, runtime }) => {
    const { db, clock, logger } = services.deps;
    const where = await connection.status();
    const { fileName, zip } = await buildDiagnostics({
      db,
      kind: where.mode === 'server' ? 'postgres' : 'sqlite',
      clock,
      ...runtime,
      settings: await services.settings.find(),
      connection: where,
    });
    logger.info('Diagnostics exported', { bytes: zip.length });
    return { fileName, zipBase64: Buffer.from(zip).toString('base64') };
  },
};
