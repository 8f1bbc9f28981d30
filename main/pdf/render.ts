import type { ReactElement } from 'react';
import { renderToBuffer, type DocumentProps } from '@react-pdf/renderer';

/** Renders a document to PDF bytes as base64, for the window to save, print or download. */
export async function renderPdfBase64(document: ReactElement<DocumentProps>): Promise<string> {
  const buffer = await renderToBuffer(document);
  return Buffer.from(buffer).toString('base64');
}
