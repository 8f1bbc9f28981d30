import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import type { ChannelInput, ChannelName, ChannelOutput } from '#contract/index.ts';
import { emailSchema } from '#contract/fields.ts';
import { DATE_ORDERS, DUPLICATE_CHOICES, IMPORT_FIELDS, type ImportField } from '#contract/patient-import.ts';
import type { AppCore } from '../../app-core.ts';
import { CliFailure, DB_OPTION, PASSWORD_ENV, parseFlags, requiredFlag, stringFlag, UsageError } from '../args.ts';
import { passwordFromEnv, requireExistingDb, withCore, type CliIo } from '../io.ts';
import { checked } from '../validate.ts';

// `import-patients`: an admin's large spreadsheet, through the same channels as the window
// (read, dry run, then the import in batches), signed in as that admin. Columns are matched
// by header name and synonyms, or by a mapping file: {"Header": "field" or null}. Ctrl-C asks
// the import to stop after its current batch.

const OPTIONS = {
  ...DB_OPTION,
  as: { type: 'string' },
  file: { type: 'string' },
  mapping: { type: 'string' },
  report: { type: 'string' },
  'date-order': { type: 'string' },
  duplicates: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

const CLIENT_KEY = 'cli';

const mappingSchema = z.record(z.string(), z.enum(IMPORT_FIELDS).nullable(), {
  error: `Map headers to one of: ${IMPORT_FIELDS.join(', ')} (or null to leave a column out).`,
});

function readMapping(path: string): Record<string, ImportField | null> {
  if (!existsSync(path)) throw new UsageError(`No mapping file at ${path}.`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new UsageError(`--mapping: ${path} is not JSON.`);
  }
  return checked(mappingSchema, json, '--mapping');
}

type Call = <C extends ChannelName>(channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

function caller(core: AppCore): Call {
  return async (channel, input) => {
    const result = await core.dispatcher.dispatch(CLIENT_KEY, channel, input);
    if (!result.ok) {
      const fields = Object.entries(result.error.fields ?? {}).map(([f, m]) => `\n  ${f}: ${m}`);
      throw new CliFailure(`${result.error.message}${fields.join('')}`);
    }
    return result.value as ChannelOutput<typeof channel>;
  };
}

export async function importPatientsCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags(argv, OPTIONS);
  const dbFile = requiredFlag(flags, 'db');
  const csvFile = requiredFlag(flags, 'file');
  const email = checked(emailSchema, requiredFlag(flags, 'as'), '--as');
  const mappingFile = stringFlag(flags, 'mapping');
  const mapping = mappingFile === undefined ? null : readMapping(mappingFile);
  const dateOrder = checked(z.enum(DATE_ORDERS), stringFlag(flags, 'date-order') ?? 'dmy', '--date-order');
  const duplicates = checked(z.enum(DUPLICATE_CHOICES), stringFlag(flags, 'duplicates') ?? 'skip', '--duplicates');
  const reportFile = stringFlag(flags, 'report') ?? `${csvFile.replace(/\.[^./\\]*$/, '')}-import-report.csv`;
  const password = passwordFromEnv(io);
  if (password === undefined)
    throw new UsageError(`Set the password of ${email} in the ${PASSWORD_ENV} environment variable.`);
  if (!existsSync(csvFile)) throw new UsageError(`No file at ${csvFile}.`);
  requireExistingDb(dbFile);
  const file = { fileName: basename(csvFile), contentBase64: readFileSync(csvFile).toString('base64') };

  return withCore(dbFile, io, async (core) => {
    const call = caller(core);
    await call('auth.signIn', { email, password });
    const read = await call('imports.read', { file });
    const columns = read.headers.map((header, i) =>
      mapping && Object.hasOwn(mapping, header)
        ? (mapping[header] ?? null)
        : ((read.columns[i] ?? null) as ImportField | null),
    );
    io.err(`${read.rowCount} rows (${read.encoding}, "${read.delimiter}" between columns).`);
    read.headers.forEach((header, i) => io.err(`  ${header} → ${columns[i] ?? '(left out)'}`));
    const mapped = { file, columns, dateOrder };
    const dry = await call('imports.dryRun', mapped);
    for (const p of dry.refused) io.err(`Row ${p.row}, ${p.field}: ${p.message}`);
    for (const d of dry.duplicates) {
      io.err(`Row ${d.row}: likely duplicate of ${d.patientNumber ?? `row ${String(d.sameAsRow)}`} (${d.name}).`);
    }
    if (flags.values['dry-run'] === true) {
      io.out(
        JSON.stringify({ rowCount: dry.rowCount, refusedRows: dry.refusedRows, duplicates: dry.duplicates.length }),
      );
      return 0;
    }
    const runId = randomUUID();
    const stop = () => {
      io.err('Stopping after the current batch…');
      void call('imports.cancel', { runId });
    };
    process.once('SIGINT', stop);
    core.hub.subscribe(CLIENT_KEY, (name, payload) => {
      const progress = payload as { runId?: string; done?: number; total?: number };
      if (name === 'imports.progress' && progress.runId === runId) io.err(`${progress.done} of ${progress.total} rows`);
    });
    try {
      const result = await call('imports.run', { ...mapped, duplicates, runId });
      writeFileSync(reportFile, result.report.content);
      const { report: _report, ...summary } = result;
      io.out(JSON.stringify({ ...summary, report: reportFile }));
      return result.status === 'done' ? 0 : 1;
    } finally {
      process.off('SIGINT', stop);
    }
  });
}
