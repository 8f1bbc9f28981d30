const COMMAND_USAGE: Readonly<Record<string, string>> = {
  migrate: 'migrate --db FILE',
  'create-admin': 'create-admin --db FILE --email E [--name N] [--clinic NAME] [--tz ZONE] [--currency CODE]',
  call: 'call CHANNEL JSON --db FILE [--as EMAIL]',
  seed: 'seed --db FILE [--patients N] [--doctors N] [--days N] [--past-days N] [--seed S] [--tz ZONE] [--start YYYY-MM-DD] [--force]',
};

export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  ${COMMAND_USAGE.migrate}
      Create the database file if needed and apply every migration.
  ${COMMAND_USAGE['create-admin']}
      Create an admin (password from CLINIC_PASSWORD, at least 10 characters). On a new
      database this runs first-run setup; otherwise it adds another admin.
  ${COMMAND_USAGE.call}
      Sign in as EMAIL (password from CLINIC_PASSWORD) and call a channel; prints the JSON
      result. --as may be left out for public channels such as setup.status.
  ${COMMAND_USAGE.seed}
      Fill the database with deterministic demo data. Defaults: 200 patients, 8 doctors,
      14 days from --start (today in the clinic's time zone), 7 past days, seed 1, and
      --tz UTC when the seed sets the clinic up. Admin admin@clinic.test; staff password
      from CLINIC_PASSWORD or the demo-only default 'demo-password-123'. --force on a
      seeded database adds patients only.

Exit codes: 0 success, 1 the operation failed, 2 bad usage.`;

/** The few lines printed on bad usage: the command's own synopsis, or the list of commands. */
export function shortUsage(command: string | undefined): string {
  const line = command !== undefined && Object.hasOwn(COMMAND_USAGE, command) ? COMMAND_USAGE[command] : undefined;
  const synopsis = line ?? `<${Object.keys(COMMAND_USAGE).join('|')}> [options]`;
  return `Usage: npm run cli -- ${synopsis}\nRun "npm run cli -- help" for every command and option.`;
}
