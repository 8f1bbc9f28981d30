import { ENCRYPT_CONFIRMATION, REKEY_CONFIRMATION } from '#contract/encryption.ts';

export const encryptionStrings = {
  title: 'Encryption of the clinic’s data',
  failedTitle: 'The encryption status could not be read',
  server:
    'The data is on the clinic server. The server’s own disk encryption protects it, and the connection to it is encrypted (TLS, certificate checked).',
  encrypted: 'The clinic’s data file and its backups on this computer are encrypted.',
  plain: 'The clinic’s data file on this computer is not encrypted: anyone with the file can read it.',
  keyKept: 'Its key is kept in this computer’s keychain, so staff never type it.',
  keyAsked: 'This computer has no keychain for the key: the recovery words are asked when the app starts.',
  plainCopyKept:
    'A plain copy from before the encryption is still kept beside the data file, readable by anyone with it. Delete it once the clinic works normally and the recovery words are written down.',
  deletePlainCopy: 'Delete the plain copy',
  plainCopyDeleted: 'The plain copy was deleted.',
  rekeyTitle: 'Change the key',
  rekeyBody:
    'Makes a new key and new recovery words. The old recovery words and the backups made before no longer open the current data file; keep the old words for those backups.',
  confirmLabel: `Type ${REKEY_CONFIRMATION} to confirm`,
  rekeyButton: 'Change the key',
  encryptTitle: 'Encrypt this clinic’s data',
  encryptBody:
    'Makes a key and 24 recovery words, writes an encrypted copy of the data, checks it and puts it in place. Everyone stays signed in; the desk pauses for a few seconds (longer for a large clinic). The plain file is kept until you delete it.',
  encryptConfirmLabel: `Type ${ENCRYPT_CONFIRMATION} to confirm`,
  encryptButton: 'Encrypt the data',
  newWordsTitle: 'The new recovery words, shown once',
  newWordsBody:
    'Write them down in this order and keep them somewhere safe, away from this computer. Without them the data cannot be opened on another computer.',
  wordsList: 'Recovery words',
  saveSheet: 'Save the recovery sheet to print (PDF)',
  done: 'I have written them down',
};
