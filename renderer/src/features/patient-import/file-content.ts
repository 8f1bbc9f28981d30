import type { ChannelInput } from '#contract/index.ts';

export type ImportFile = ChannelInput<'imports.read'>['file'];

/** A chosen file as main takes it: its bytes in base64, so main reads the encoding itself. */
export async function importFileOf(file: File): Promise<ImportFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with a whole large file would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, contentBase64: btoa(binary) };
}
