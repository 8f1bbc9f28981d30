import type { ReactElement } from 'react';
import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';
import { freshPdfFonts } from './fonts.ts';

// One document at a time, each with its fonts loaded afresh (see freshPdfFonts): clearing the
// fonts while another document is being laid out would take them from under it.
let queue: Promise<unknown> = Promise.resolve();

/** Renders a document to PDF bytes as base64, for the window to save, print or download. */
export function renderPdfBase64(document: ReactElement<DocumentProps>): Promise<string> {
  const rendered = queue.then(async () => {
    freshPdfFonts();
    const buffer = await renderToBuffer(document);
    return Buffer.from(buffer).toString('base64');
  });
  queue = rendered.catch(() => undefined);
  return rendered;
}
