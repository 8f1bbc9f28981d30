import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { UpdateSource } from '#contract/updates.ts';

// Reading the clinic's update source (preload/contract/updates.ts): a folder on the clinic's
// share, or a URL on the clinic's own server. Nothing here reaches outside what the admin typed.

/** The address of one file of the source (a folder URL gets its trailing slash). */
function urlOf(source: Extract<UpdateSource, { kind: 'url' }>, name: string): URL {
  const base = source.url.endsWith('/') ? source.url : `${source.url}/`;
  return new URL(encodeURIComponent(name), base);
}

async function fetchOk(url: URL): Promise<Response> {
  const response = await fetch(url, { redirect: 'error' });
  if (!response.ok || !response.body)
    throw new Error(`The update server answered ${response.status} for ${url.pathname}.`);
  return response;
}

/** One small file of the source (the feed), as text. */
export async function readSourceText(source: UpdateSource, name: string): Promise<string> {
  if (source.kind === 'folder') return readFile(join(source.path, name), 'utf8');
  return (await fetchOk(urlOf(source, name))).text();
}

/** One large file of the source (the installer), as a stream. */
export async function openSourceFile(source: UpdateSource, name: string): Promise<Readable> {
  if (source.kind === 'folder') return createReadStream(join(source.path, name));
  const body = (await fetchOk(urlOf(source, name))).body;
  if (!body) throw new Error('The update server sent no file.');
  return Readable.fromWeb(body);
}
