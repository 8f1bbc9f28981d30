import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Font } from '@react-pdf/renderer';

// PDFs print names in any script the desk can type, with the Noto Sans fonts (OFL) shipped with
// the app, never the computer's fonts: a PC without an Arabic or Chinese font still prints
// them. The families form one fallback list: @react-pdf picks, glyph by glyph, the first family
// that has the character, and shapes and orders right-to-left text itself (bidi + fontkit).
// Noto Sans itself covers Latin, Greek, Cyrillic, Vietnamese and Devanagari.
// Only regular and bold are shipped: electron-builder.yml copies them to resources/fonts with
// the same layout as node_modules/@expo-google-fonts, which dev and tests read directly.

/** Font family name in styles → its @expo-google-fonts package, file prefix and the text it is for. */
const FAMILIES = [
  { family: 'NotoSans', pkg: 'noto-sans', file: 'NotoSans', script: null },
  { family: 'NotoSansArabic', pkg: 'noto-sans-arabic', file: 'NotoSansArabic', script: /\p{Script=Arabic}/u },
  { family: 'NotoSansTamil', pkg: 'noto-sans-tamil', file: 'NotoSansTamil', script: /\p{Script=Tamil}/u },
  { family: 'NotoSansThai', pkg: 'noto-sans-thai', file: 'NotoSansThai', script: /\p{Script=Thai}/u },
  // Simplified Chinese, also drawing Traditional, Japanese kana and CJK punctuation (not Hangul).
  {
    family: 'NotoSansSC',
    pkg: 'noto-sans-sc',
    file: 'NotoSansSC',
    script: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u,
  },
] as const;

const WEIGHTS = [
  { dir: '400Regular', fontWeight: 'normal' },
  { dir: '700Bold', fontWeight: 'bold' },
] as const;

const fontFile = (root: string, f: (typeof FAMILIES)[number], w: (typeof WEIGHTS)[number]) =>
  join(root, f.pkg, w.dir, `${f.file}_${w.dir}.ttf`);

/** Every TTF the PDFs may open, under a font root (see fontRoot). */
export const pdfFontFiles = (root: string): string[] =>
  FAMILIES.flatMap((f) => WEIGHTS.map((w) => fontFile(root, f, w)));

/**
 * The folder holding one folder per font package: resources/fonts in the packaged app (found from
 * process.resourcesPath, or from this file's place inside app.asar in a worker thread, which has
 * no resourcesPath), else node_modules/@expo-google-fonts (dev, tests, the CLI).
 */
export function fontRoot(): string {
  const candidates: string[] = [];
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (resources) candidates.push(join(resources, 'fonts'));
  const here = fileURLToPath(import.meta.url);
  const asar = here.lastIndexOf(`${sep}app.asar${sep}`);
  if (asar >= 0) candidates.push(join(here.slice(0, asar), 'fonts'));
  try {
    const pkg = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans/package.json');
    candidates.push(dirname(dirname(pkg)));
  } catch {
    // Not installed (a packaged app): the resources folder above is the one.
  }
  const found = candidates.find((root) => pdfFontFiles(root).every((file) => existsSync(file)));
  if (!found) throw new Error(`The PDF fonts are missing (looked in ${candidates.join(', ') || 'nowhere'}).`);
  return found;
}

let registered = false;

/**
 * Forgets the loaded fonts, so the next document loads its own. @react-pdf keeps each font's
 * glyphs for the whole process, and a glyph first laid out in a later document was written
 * without its text (after a day list, a receipt's bold "40.00" read "40 00"). Its own
 * `Font.reset()` keeps the finished load, so the source would stay empty: both are cleared here.
 */
export function freshPdfFonts(): void {
  for (const family of Object.values(Font.getRegisteredFonts())) {
    for (const source of family.sources) {
      source.data = null;
      source.loadResultPromise = null;
    }
  }
}

/**
 * The font families for a PDF showing `text` (all its data, e.g. as JSON), first choice first.
 * Registers the TTFs once; that only records paths. @react-pdf opens every family a document
 * names the first time it lays one out, and keeps it for the process: so the list names a
 * script's font only when the text has that script (the Chinese one is ~10 MB per weight).
 * Without `text`, every family.
 */
export function pdfFontFamily(text?: string): string[] {
  if (!registered) {
    const root = fontRoot();
    for (const f of FAMILIES) {
      Font.register({
        family: f.family,
        fonts: WEIGHTS.map((w) => ({ src: fontFile(root, f, w), fontWeight: w.fontWeight })),
      });
    }
    // Names and addresses wrap at spaces only, never hyphenated mid-word.
    Font.registerHyphenationCallback((word) => [word]);
    registered = true;
  }
  return FAMILIES.filter((f) => !f.script || text === undefined || f.script.test(text)).map((f) => f.family);
}
