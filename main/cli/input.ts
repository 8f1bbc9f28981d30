import { readFile, stat } from 'node:fs/promises';
import { UsageError } from './args.ts';
import type { CliIo } from './io.ts';

// Where `call` gets its JSON input: the argument itself, standard input ("-"), or a file
// (--input FILE). The last two have no OS argument-length limit, for large inputs.

/** Far above any channel's input; stops a wrong file (a backup, a video) from filling memory. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;
const MAX_INPUT_LABEL = '64 MB';

export interface InputSource {
  /** The JSON argument, or "-" for standard input. */
  argument: string | undefined;
  /** --input FILE. */
  file: string | undefined;
}

function parseJson(text: string, where: string): unknown {
  try {
    // A byte-order mark (some Windows editors write one) is not part of the JSON.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`JSON is not valid${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readInputFile(file: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new UsageError(`--input ${file} is not a file.`);
    size = info.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `--input ${file}: there is no such file.`
        : `--input ${file} cannot be read (${code ?? 'error'}).`,
    );
  }
  if (size > MAX_INPUT_BYTES) throw new UsageError(`--input ${file} is larger than ${MAX_INPUT_LABEL}.`);
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--input ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
}

/** The call's input, parsed; every problem is bad usage (exit 2) naming where the input came from. */
export async function readCallInput(source: InputSource, io: CliIo): Promise<unknown> {
  if (source.argument !== undefined && source.file !== undefined) {
    throw new UsageError('Give the JSON input once: as an argument, as "-" (standard input) or with --input FILE.');
  }
  if (source.file !== undefined) return parseJson(await readInputFile(source.file), ` in ${source.file}`);
  if (source.argument === undefined) {
    throw new UsageError('call needs its JSON input: as an argument, "-" for standard input, or --input FILE.');
  }
  if (source.argument !== '-') return parseJson(source.argument, '');
  const text = await io.readStdin(MAX_INPUT_BYTES);
  if (text === null) throw new UsageError(`The standard input is larger than ${MAX_INPUT_LABEL}.`);
  return parseJson(text, ' on standard input');
}
