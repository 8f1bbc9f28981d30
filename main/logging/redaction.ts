/**
 * What the log files must never hold, as pino `redact` paths: secrets, the dispatcher's inputs
 * (they carry whatever a user typed), and the fields that name or reach a patient or a user.
 * Log calls carry ids and codes (patientId, channel, error code); these paths catch a slip.
 */
const SECRET_KEYS = ['password', 'newPassword', 'currentPassword', 'token', 'key', 'secret', 'authorization'];
const INPUT_KEYS = ['input', 'rawInput', 'parsed', 'value'];
const PERSON_KEYS = [
  'name',
  'firstName',
  'lastName',
  'fullName',
  'patientName',
  'phone',
  'email',
  'address',
  'dateOfBirth',
  'notes',
  'note',
  'body',
  'query',
];

/** Each key at the top of a log line's details and up to two levels down (arrays included). */
export const REDACT_PATHS: readonly string[] = [...SECRET_KEYS, ...INPUT_KEYS, ...PERSON_KEYS].flatMap((key) => [
  key,
  `*.${key}`,
  `*.*.${key}`,
  `*[*].${key}`,
]);

export const REDACTED = '[redacted]';

/**
 * Errors become { type, message, code, stack }: the cause and where it happened, without the
 * properties drivers attach (a PostgreSQL error's `detail` quotes the row's values).
 */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    stack: error.stack,
    ...(error.cause === undefined ? {} : { cause: serializeError(error.cause) }),
  };
}

/** Details with every Error (top level or one down) turned into its safe serialized form. */
export function safeDetails(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) out[key] = value instanceof Error ? serializeError(value) : value;
  return out;
}
