// localStorage can be unavailable or full; the app works without it, it only forgets preferences.

export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Preferences are a convenience; nothing to tell the user.
  }
}

export function removeStored(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // As above.
  }
}

/** Reads a JSON value written by writeStoredJson, or the fallback when missing or unreadable. */
export function readStoredJson<T>(key: string, isValid: (value: unknown) => value is T, fallback: T): T {
  const raw = readStored(key);
  if (raw === null) return fallback;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isValid(parsed) ? parsed : fallback;
  } catch {
    return fallback;
  }
}

export const writeStoredJson = (key: string, value: unknown): void => writeStored(key, JSON.stringify(value));

/** Keys are per user so two people sharing a desk keep their own preferences. */
export const userKey = (userId: number, name: string): string => `clinic-desk.user-${userId}.${name}`;
