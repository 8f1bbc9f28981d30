import { isMantineColorScheme, type MantineColorScheme, type MantineColorSchemeManager } from '@mantine/core';
import { readStored, removeStored, userKey, writeStored } from '../lib/storage.ts';

const DEVICE_KEY = 'clinic-desk.color-scheme';

/**
 * Light/dark choice kept per user in localStorage ("auto" follows the computer). Before anyone
 * signs in, the last choice made on this computer is used, so the sign-in screen does not flash.
 */
export interface UserColorSchemeManager extends MantineColorSchemeManager {
  /** Switches storage to this user's choice (null: signed out) and returns it. */
  switchUser(userId: number | null, fallback: MantineColorScheme): MantineColorScheme;
}

export function createColorSchemeManager(): UserColorSchemeManager {
  let key = DEVICE_KEY;
  let storageListener: ((event: StorageEvent) => void) | null = null;

  const read = (storageKey: string, fallback: MantineColorScheme): MantineColorScheme => {
    const value = readStored(storageKey);
    return isMantineColorScheme(value) ? value : fallback;
  };

  return {
    get: (fallback) => read(key, fallback),
    set: (value) => {
      writeStored(key, value);
      if (key !== DEVICE_KEY) writeStored(DEVICE_KEY, value);
    },
    subscribe: (onUpdate) => {
      storageListener = (event) => {
        if (event.storageArea === window.localStorage && event.key === key && isMantineColorScheme(event.newValue)) {
          onUpdate(event.newValue);
        }
      };
      window.addEventListener('storage', storageListener);
    },
    unsubscribe: () => {
      if (storageListener) window.removeEventListener('storage', storageListener);
      storageListener = null;
    },
    clear: () => removeStored(key),
    switchUser(userId, fallback) {
      key = userId === null ? DEVICE_KEY : userKey(userId, 'color-scheme');
      return read(key, fallback);
    },
  };
}
