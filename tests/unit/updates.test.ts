import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedError, parseFeed } from '../../main/updates/feed.ts';
import { updateSourceSchema, type UpdateSource } from '#contract/updates.ts';
import { checkForUpdate, downloadUpdate, TamperedUpdateError } from '../../main/updates/update.ts';
import { publishUpdate, sha512Base64 } from '../support/update-folder.ts';

// Offline updates without Electron: a clinic's update folder as `npm run dist` leaves it (an
// installer and latest.yml), read from the folder and from a URL on a local server; the version
// compared with this app's; an installer changed after publishing refused and deleted.

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-updates-'));
  dirs.push(dir);
  return dir;
};
const INSTALLER = 'Clinic desk Setup 1.10.0.exe';
const installer = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251));

/** A published update folder: the installer and the feed electron-builder writes for it. */
function publishedFolder(content: Buffer = installer, feedFor: Buffer = installer): string {
  return publishUpdate({
    version: '1.10.0',
    fileName: INSTALLER,
    published: feedFor,
    content,
    notes: 'Receipts print on 80 mm receipt printers.',
    folder: tempDir(),
  });
}

let server: Server;
let serverFolder: string;
let baseUrl: string;
beforeAll(async () => {
  serverFolder = publishedFolder();
  server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/updates\//, ''));
    const file = join(serverFolder, name);
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/updates`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('the update feed', () => {
  it('reads version, installer, checksum and what is new from latest.yml', () => {
    const feed = parseFeed(readFileSync(join(publishedFolder(), 'latest.yml'), 'utf8'));
    expect(feed).toEqual({
      version: '1.10.0',
      file: { name: INSTALLER, sha512: sha512Base64(installer), size: installer.length },
      releaseDate: '2026-12-01T10:00:00.000Z',
      releaseNotes: 'Receipts print on 80 mm receipt printers.\n',
    });
  });

  it('refuses a feed that is not one, or that names a file outside the update folder', () => {
    expect(() => parseFeed('version: [')).toThrow(FeedError);
    expect(() => parseFeed("version: '1.0'\nfiles: []")).toThrow(/version is not x\.y\.z/);
    const outside = `version: 1.0.1\nfiles:\n  - url: ../../Windows/evil.exe\n    sha512: ${sha512Base64(installer)}\n    size: 1\n`;
    expect(() => parseFeed(outside)).toThrow(/outside the update folder/);
  });
});

describe('checking and fetching an update', () => {
  const folderSource = (folder: string): UpdateSource => ({ kind: 'folder', path: folder });

  it('offers a newer version (1.10.0 is newer than 1.9.3) and nothing when this app is as new or newer', async () => {
    const source = folderSource(publishedFolder());
    expect(await checkForUpdate(source, '1.9.3', 'win32')).toMatchObject({
      status: 'available',
      update: { version: '1.10.0' },
    });
    expect(await checkForUpdate(source, '1.10.0', 'win32')).toEqual({ status: 'current', latest: '1.10.0' });
    expect(await checkForUpdate(source, '1.10.1-beta.1', 'win32')).toEqual({ status: 'current', latest: '1.10.0' });
    // macOS reads its own feed, which this folder does not have.
    await expect(checkForUpdate(source, '1.9.3', 'darwin')).rejects.toThrow(/latest-mac\.yml/);
  });

  it('copies the installer from the folder when its size and SHA-512 are the feed’s', async () => {
    const source = folderSource(publishedFolder());
    const check = await checkForUpdate(source, '1.0.0', 'win32');
    if (check.status !== 'available') throw new Error('expected an update');
    const path = await downloadUpdate(source, check.update, tempDir());
    expect(readFileSync(path).equals(installer)).toBe(true);
  });

  it('downloads the installer from a URL on the clinic’s server', async () => {
    const source = updateSourceSchema.parse({ kind: 'url', url: baseUrl });
    const check = await checkForUpdate(source, '1.0.0', 'win32');
    if (check.status !== 'available') throw new Error('expected an update');
    const path = await downloadUpdate(source, check.update, tempDir());
    expect(readFileSync(path).equals(installer)).toBe(true);
  });

  it('refuses and deletes a tampered installer (one byte changed, or a different size)', async () => {
    const changed = Buffer.from(installer);
    changed[1234] = (changed[1234] ?? 0) ^ 0xff;
    for (const tampered of [changed, Buffer.concat([installer, Buffer.from('x')]), installer.subarray(1)]) {
      const source = folderSource(publishedFolder(tampered, installer));
      const check = await checkForUpdate(source, '1.0.0', 'win32');
      if (check.status !== 'available') throw new Error('expected an update');
      const downloads = tempDir();
      await expect(downloadUpdate(source, check.update, downloads)).rejects.toBeInstanceOf(TamperedUpdateError);
      expect(readdirSync(downloads)).toEqual([]);
    }
  });

  it('takes only a full folder path or an http(s) address as the source', () => {
    expect(updateSourceSchema.safeParse({ kind: 'folder', path: 'updates' }).success).toBe(false);
    expect(updateSourceSchema.safeParse({ kind: 'folder', path: '\\\\clinic-server\\updates' }).success).toBe(true);
    expect(updateSourceSchema.safeParse({ kind: 'url', url: 'file:///etc/passwd' }).success).toBe(false);
    expect(updateSourceSchema.safeParse({ kind: 'url', url: 'http://clinic-server/updates/' }).success).toBe(true);
  });
});
