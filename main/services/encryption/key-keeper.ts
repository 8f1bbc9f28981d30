import type { DatabaseKey } from '#db/cipher.ts';

// Where this computer keeps the clinic's key: the desktop app's OS keychain (main/encryption/),
// or nowhere (command line and web shell: CLINIC_DB_KEY or a prompt at each start).

export interface KeyKeeper {
  /** True when keys given to `keep` survive a restart (a real keychain). */
  keeps(): boolean;
  /**
   * Keeps `key`; `next` (during a change of key) is kept beside it until the change is done,
   * so a stop at any moment leaves a key that opens the file.
   */
  keep(key: DatabaseKey, next?: DatabaseKey): void;
}

const nowhere: KeyKeeper = { keeps: () => false, keep: () => undefined };
let current: KeyKeeper = nowhere;

/** Set once by the desktop start; null puts back "nowhere" (tests). */
export function useKeyKeeper(keeper: KeyKeeper | null): void {
  current = keeper ?? nowhere;
}

export function keyKeeper(): KeyKeeper {
  return current;
}
