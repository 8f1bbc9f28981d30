import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The text of a PDF (given as base64), via poppler's pdftotext (Debian poppler-utils; .ci/run
 * installs it). Layout mode keeps each printed line on one line.
 */
export function pdfText(pdfBase64: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
