import { entropyToMnemonic, mnemonicToEntropy } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { randomBytes } from 'node:crypto';
import type { DatabaseKey } from './cipher.ts';

// A clinic's key as people handle it: 64 hex digits (tools, CLINIC_DB_KEY) or 24 recovery
// words (BIP-39 English list, 256 bits plus an 8-bit checksum, so a mistyped word is caught).

export const RECOVERY_WORD_COUNT = 24;

export function newDatabaseKey(): DatabaseKey {
  return randomBytes(32).toString('hex');
}

export function recoveryWords(key: DatabaseKey): string[] {
  return entropyToMnemonic(Buffer.from(key, 'hex'), wordlist).split(' ');
}

/** The reason a text is not a key, as a sentence; null when it is one. */
export type KeyTextResult = { ok: true; key: DatabaseKey } | { ok: false; message: string };

/** Reads the key from 64 hex digits or the 24 recovery words (any case, any spacing). */
export function parseKeyText(text: string): KeyTextResult {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return { ok: true, key: trimmed.toLowerCase() };
  const words = trimmed
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w.length > 0);
  if (words.length !== RECOVERY_WORD_COUNT) {
    return {
      ok: false,
      message: `A key is 64 hexadecimal digits or ${RECOVERY_WORD_COUNT} recovery words; this has ${words.length} words.`,
    };
  }
  const unknown = words.filter((w) => !wordlist.includes(w));
  if (unknown.length > 0) return { ok: false, message: `These are not recovery words: ${unknown.join(', ')}.` };
  try {
    return { ok: true, key: Buffer.from(mnemonicToEntropy(words.join(' '), wordlist)).toString('hex') };
  } catch {
    return { ok: false, message: 'The recovery words do not check out: one of them is wrong or out of order.' };
  }
}
