import { DatabaseKeyError } from '#db/cipher.ts';
import { installCrashHandlers } from '../logging/crash-handlers.ts';
import { createCliLog } from '../logging/cli-log.ts';
import { AppError } from '../services/core/errors.ts';
import { CliFailure, UsageError } from './args.ts';
import { backupCommand } from './backup.ts';
import { callCommand } from './commands/call.ts';
import { createAdminCommand } from './commands/create-admin.ts';
import { encryptCommand } from './commands/encrypt.ts';
import { importPatientsCommand } from './commands/import-patients.ts';
import { migrateCommand } from './commands/migrate.ts';
import { seedCommand } from './commands/seed.ts';
import { processIo, stderrLogger, type CliIo } from './io.ts';
import { prepareDatabaseKey } from './key.ts';
import { moveToServerCommand } from './move-to-server.ts';
import { restoreCommand } from './restore.ts';
import { shortUsage, USAGE } from './usage.ts';

// The admin command line: `npm run cli -- <command> [options]`. A small router; one file
// per command under commands/. Exit codes: 0 success, 1 failure, 2 bad usage.

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, Command>> = {
  migrate: migrateCommand,
  'create-admin': createAdminCommand,
  call: callCommand,
  seed: seedCommand,
  backup: backupCommand,
  restore: restoreCommand,
  'move-to-server': moveToServerCommand,
  encrypt: encryptCommand,
  'import-patients': importPatientsCommand,
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out(USAGE);
    return 0;
  }
  const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  try {
    if (name === undefined) throw new UsageError('Name a command.');
    if (!command) throw new UsageError(`Unknown command "${name}".`);
    await prepareDatabaseKey(name, rest, io);
    return await command(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n${shortUsage(command && name)}`);
      return 2;
    }
    if (error instanceof AppError || error instanceof CliFailure || error instanceof DatabaseKeyError) {
      io.err(error.message);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`Failed: ${message}`);
    if (io.env.CLINIC_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return 1;
  }
}

if (import.meta.main) {
  const log = createCliLog(process.env, stderrLogger(processIo));
  installCrashHandlers(process, log.logger, { onUncaughtException: () => process.exit(1) });
  process.exitCode = await runCli(process.argv.slice(2), { ...processIo, openLog: log.open });
  await log.close();
}
