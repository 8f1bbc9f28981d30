const COMMAND_USAGE: Readonly<Record<string, string>> = {
  migrate: 'migrate --db FILE',
  'create-admin': 'create-admin --db FILE --email E [--name N] [--clinic NAME] [--tz ZONE] [--currency CODE]',
  call: 'call CHANNEL (JSON | - | --input FILE) --db FILE [--as EMAIL]',
  seed: 'seed --db FILE [--patients N] [--doctors N] [--days N] [--past-days N] [--seed S] [--tz ZONE] [--start YYYY-MM-DD] [--force]',
  backup: 'backup --db FILE --out FILE',
  restore: 'restore --db FILE --from FILE',
  'move-to-server': 'move-to-server --from FILE [--to postgres://USER:PASSWORD@HOST:PORT/DB]',
  encrypt: 'encrypt --db FILE [--delete-plain-copy]',
  'import-patients':
    'import-patients --db FILE --file CSV --as EMAIL [--mapping FILE] [--date-order dmy|mdy|ymd] [--duplicates skip|merge] [--report FILE] [--dry-run]',
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
      result. --as may be left out for public channels such as setup.status. The JSON input
      is the argument itself, "-" to read it from standard input, or --input FILE to read it
      from a file (for inputs larger than the system's argument limit; at most 64 MB).
  ${COMMAND_USAGE.seed}
      Fill the database with deterministic demo data. Each doctor gets weekly schedule
      rules from --start (default: today in the clinic's time zone), which generate slots
      up to the clinic's horizon (12 weeks by default), plus a leave week, an extra
      Saturday and a few blocked slots. --days N: how many days from --start get
      appointments (default 14); --past-days N: days of history before it, with slots
      shaped like the rules and finished visits (default 7). --start also serves as
      "now" for the run, so the same options give the same rows. Defaults: 200 patients,
      8 doctors, seed 1, and --tz UTC when the seed sets the clinic up. Admin
      admin@clinic.test; staff password from CLINIC_PASSWORD or the demo-only default
      'demo-password-123'. --force on a seeded database adds patients only.
  ${COMMAND_USAGE.backup}
      Copy the database with SQLite's online backup (the app may keep running), then reopen
      the copy read-only and verify it (integrity, schema version, row counts).
  ${COMMAND_USAGE.restore}
      Replace the database with a backup: the backup is checked, the current database is
      backed up first, an older backup is migrated, and the restore is audited. Stop the app
      first.
  ${COMMAND_USAGE['move-to-server']}
      Copy a single PC's clinic (every table, ids and audit trail) into an empty PostgreSQL
      15+ database on the clinic server, in one transaction, then verify row counts,
      checksums and the booking rules. Refuses a target that holds data. The URL may be
      given in CLINIC_DATABASE_URL instead of --to.
  ${COMMAND_USAGE.encrypt}
      Encrypt an existing clinic file (stop the app first) with the key in CLINIC_DB_KEY, or a
      new one whose 24 recovery words are printed once. The plain file is kept beside it until
      --delete-plain-copy.
  ${COMMAND_USAGE['import-patients']}
      Import patients from a CSV file (UTF-8 or Windows-1252; "," or ";" between columns) as
      an admin (password from CLINIC_PASSWORD). Columns are matched by header name and common
      synonyms ("Full name", "Mobile", "DOB"), or by --mapping FILE: JSON {"Header": "field"
      or null}. Prints every refused row (row and field) and likely duplicate, then imports in
      batches (not with --dry-run); Ctrl-C stops after the current batch. The report CSV says
      what became of each row (default: beside the file). Exit 1 if cancelled.

An encrypted clinic's key comes from CLINIC_DB_KEY (64 hex digits or the 24 recovery words)
or, in a terminal, a prompt; never from an argument. migrate and seed create a new file
encrypted when CLINIC_DB_KEY is set, plain otherwise.

For migrate, create-admin, call and seed, --db may also name the clinic server's database:
postgres://USER:PASSWORD@HOST:PORT/DB (backup and restore work on files only).

Exit codes: 0 success, 1 the operation failed, 2 bad usage.`;

/** The few lines printed on bad usage: the command's own synopsis, or the list of commands. */
export function shortUsage(command: string | undefined): string {
  const line = command !== undefined && Object.hasOwn(COMMAND_USAGE, command) ? COMMAND_USAGE[command] : undefined;
  const synopsis = line ?? `<${Object.keys(COMMAND_USAGE).join('|')}> [options]`;
  return `Usage: npm run cli -- ${synopsis}\nRun "npm run cli -- help" for every command and option.`;
}
