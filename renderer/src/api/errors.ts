import type { ClinicError, ErrorCode } from '#contract/index.ts';

/** A refusal from main, thrown so TanStack Query and forms can handle it. */
export class ClinicCallError extends Error {
  readonly code: ErrorCode;
  readonly fields: Readonly<Record<string, string>>;

  constructor(error: ClinicError) {
    super(error.message);
    this.name = 'ClinicCallError';
    this.code = error.code;
    this.fields = error.fields ?? {};
  }
}

export const isClinicCallError = (error: unknown): error is ClinicCallError => error instanceof ClinicCallError;

export const hasCode = (error: unknown, code: ErrorCode): boolean => isClinicCallError(error) && error.code === code;

const FALLBACK_MESSAGE = 'Something went wrong. Try again; if it keeps happening, tell the admin.';

/** A sentence for the user, whatever was thrown. */
export function messageOf(error: unknown): string {
  if (isClinicCallError(error) && error.message) return error.message;
  return FALLBACK_MESSAGE;
}
