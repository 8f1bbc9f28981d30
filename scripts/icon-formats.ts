// Windows .ico and macOS .icns files made of PNG images (both formats accept PNG entries:
// ICO since Windows Vista, ICNS for the ic07–ic10 types), so no image library is needed.

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (view.getUint32(0) !== 0x89504e47 || view.getUint32(12) !== 0x49484452) throw new Error('Not a PNG file.');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** An .ico holding each PNG as one image (sizes up to 256 px). */
export function buildIco(pngs: readonly Uint8Array[]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach((png, i) => {
    const { width, height } = pngSize(png);
    if (width > 256 || height > 256) throw new Error('An .ico image is at most 256 px.');
    const entry = 6 + 16 * i;
    // 0 means 256.
    header.writeUInt8(width % 256, entry);
    header.writeUInt8(height % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs]);
}

/** ICNS types that hold a PNG, by pixel size (ic10 is 512@2x). */
export const ICNS_TYPES: Readonly<Record<number, string>> = { 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };

/** An .icns holding each PNG under the type for its size. */
export function buildIcns(pngs: readonly Uint8Array[]): Buffer {
  const entries = pngs.map((png) => {
    const type = ICNS_TYPES[pngSize(png).width];
    if (!type) throw new Error('An .icns PNG image is 128, 256, 512 or 1024 px.');
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((sum, e) => sum + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

/** The entries of an .icns: type and PNG size. */
export function readIcns(file: Uint8Array): { type: string; width: number }[] {
  const data = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (data.toString('ascii', 0, 4) !== 'icns' || data.readUInt32BE(4) !== data.length)
    throw new Error('Not an .icns file.');
  const entries: { type: string; width: number }[] = [];
  for (let at = 8; at < data.length; at += data.readUInt32BE(at + 4)) {
    entries.push({ type: data.toString('ascii', at, at + 4), width: pngSize(data.subarray(at + 8)).width });
  }
  return entries;
}

/** The images of an .ico: width and height (256 for a 0 byte). */
export function readIco(file: Uint8Array): { width: number; height: number }[] {
  const data = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (data.readUInt16LE(0) !== 0 || data.readUInt16LE(2) !== 1) throw new Error('Not an .ico file.');
  return Array.from({ length: data.readUInt16LE(4) }, (_, i) => ({
    width: data.readUInt8(6 + 16 * i) || 256,
    height: data.readUInt8(7 + 16 * i) || 256,
  }));
}
