import { safeStorage } from 'electron';
import type { SecretStore } from '../connection/store.ts';

/**
 * The OS keychain through Electron safeStorage (DPAPI, Keychain, libsecret/kwallet). On Linux
 * without a keyring safeStorage falls back to `basic_text`, a fixed key: that counts as no safe
 * store, so the password is not written at all.
 */
export function electronSecretStore(): SecretStore {
  return {
    isAvailable: () =>
      safeStorage.isEncryptionAvailable() &&
      !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}
