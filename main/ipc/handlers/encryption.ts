import { actorOf, type HandlerMap } from '../handler-types.ts';

type EncryptionChannels =
  | 'encryption.status'
  | 'encryption.firstRun'
  | 'encryption.encryptNew'
  | 'encryption.rekey'
  | 'encryption.encryptExisting'
  | 'encryption.deletePlainCopy';

export const encryptionHandlers: HandlerMap<EncryptionChannels> = {
  'encryption.status': async (_input, { services }) => services.encryption.status(),
  'encryption.firstRun': async (_input, { services }) => services.encryption.firstRun(),
  'encryption.encryptNew': (_input, ctx) => ctx.services.encryption.encryptNew(actorOf(ctx)),
  'encryption.rekey': (_input, ctx) => ctx.services.encryption.rekey(actorOf(ctx)),
  'encryption.encryptExisting': (_input, ctx) => ctx.services.encryption.encryptExisting(actorOf(ctx)),
  'encryption.deletePlainCopy': (_input, ctx) => ctx.services.encryption.deletePlainCopy(actorOf(ctx)),
};
