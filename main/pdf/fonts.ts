import { existsSync } from 'node:fs';
import { Font } from '@react-pdf/renderer';

// PDFs use a TTF that covers Latin, Greek, Cyrillic and more (names from any patient), found on
// the computer: DejaVu on Linux, Arial on Windows and macOS. Without one, the built-in
// Helvetica is used (Latin-1 only): see docs/decisions.md.

const CANDIDATES: readonly { regular: string; bold: string }[] = [
  {
    regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  },
  { regular: 'C:\\Windows\\Fonts\\arial.ttf', bold: 'C:\\Windows\\Fonts\\arialbd.ttf' },
  {
    regular: '/System/Library/Fonts/Supplemental/Arial.ttf',
    bold: '/System/Library/Fonts/Supplemental/Arial Bold.ttf',
  },
];

let family: string | null = null;

/** The font family PDFs use; registers the TTF once. */
export function pdfFontFamily(): string {
  if (family) return family;
  const found = CANDIDATES.find((c) => existsSync(c.regular) && existsSync(c.bold));
  if (found) {
    Font.register({
      family: 'ClinicSans',
      fonts: [
        { src: found.regular, fontWeight: 'normal' },
        { src: found.bold, fontWeight: 'bold' },
      ],
    });
    // Names and addresses wrap at spaces only, never hyphenated mid-word.
    Font.registerHyphenationCallback((word) => [word]);
    family = 'ClinicSans';
  } else {
    family = 'Helvetica';
  }
  return family;
}
