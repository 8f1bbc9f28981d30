import type { UpgradeHold } from '#contract/connection.ts';
import { contract, type ClinicError, type Result } from '#contract/index.ts';
import type { AppCore } from '../app-core.ts';
import { createEventHub } from '../ipc/event-hub.ts';
import { createSessionStore } from '../ipc/sessions.ts';
import { validationError } from '../ipc/validation.ts';
import type { Clock } from '../services/core/clock.ts';
import type { UpgradeConfirmation, UpgradeNeedsConfirmationError } from './version-gate.ts';

// A start held by the version gate (this PC is newer than the clinic server's tables): the window
// opens on this desk instead of the app, shows why, and passes an administrator's email and
// password back to startFromChoice, which retries the start with them. Plain code, so the
// desktop app and the web shell wire it the same way and tests drive it without Electron.

export type HoldOutcome = { started: true } | { failed: string };

export interface UpgradeHoldDesk {
  /** startFromChoice's onUpgradeNeedsConfirmation: waits for the window's answer (null: quit). */
  ask(hold: UpgradeNeedsConfirmationError, problem: string | null): Promise<UpgradeConfirmation | null>;
  /** Answers the held window's calls: the hold, the confirmation, and "not yet" for the rest. */
  dispatch(clientKey: string, channel: string, input: unknown): Promise<Result<unknown>>;
  /** The start ended (call after the real core took over the window's calls). */
  settle(outcome: HoldOutcome): void;
  /** The held window was closed: the pending question is answered "quit". */
  cancel(): void;
}

const fail = (error: ClinicError): Result<never> => ({ ok: false, error });

const WAITING: ClinicError = {
  code: 'UNAVAILABLE',
  message: 'Clinic desk is waiting for an administrator to confirm the update of the clinic server.',
};

export function createUpgradeHoldDesk(): UpgradeHoldDesk {
  let hold: UpgradeHold | null = null;
  let cancelled = false;
  let answerAsk: ((answer: UpgradeConfirmation | null) => void) | null = null;
  let answerConfirm: ((result: Result<unknown>) => void) | null = null;

  function replyToConfirm(result: Result<unknown>): void {
    const reply = answerConfirm;
    answerConfirm = null;
    reply?.(result);
  }

  function confirm(input: unknown): Promise<Result<unknown>> {
    const parsed = contract['setup.confirmUpgrade'].input.safeParse(input ?? {});
    if (!parsed.success) return Promise.resolve(fail(validationError(parsed.error)));
    const reply = answerAsk;
    if (!reply || answerConfirm) {
      return Promise.resolve(
        fail({ code: 'CONFLICT', message: 'The update is already being confirmed. Wait for it to finish.' }),
      );
    }
    answerAsk = null;
    const outcome = new Promise<Result<unknown>>((resolve) => {
      answerConfirm = resolve;
    });
    reply(parsed.data);
    return outcome;
  }

  return {
    ask(error, problem) {
      hold = { appVersion: error.appVersion, serverVersion: error.serverVersion, message: error.message };
      // The last answer was refused (wrong password): the window hears why and may try again.
      if (problem)
        replyToConfirm(fail({ code: 'INVALID_CREDENTIALS', message: problem, fields: { password: problem } }));
      if (cancelled) return Promise.resolve(null);
      return new Promise((resolve) => {
        answerAsk = resolve;
      });
    },
    dispatch(_clientKey, channel, input) {
      if (channel === 'setup.upgradeHold') return Promise.resolve({ ok: true, value: hold });
      if (channel === 'setup.confirmUpgrade') return confirm(input);
      return Promise.resolve(fail(WAITING));
    },
    settle(outcome) {
      hold = null;
      replyToConfirm(
        'started' in outcome
          ? { ok: true, value: { done: true } }
          : fail({ code: 'CONFLICT', message: outcome.failed }),
      );
    },
    cancel() {
      cancelled = true;
      const reply = answerAsk;
      answerAsk = null;
      reply?.(null);
    },
  };
}

/** The held desk in the shape the IPC registration and the web shell serve (no sessions while held). */
export function heldCore(desk: UpgradeHoldDesk, clock: Clock): Pick<AppCore, 'dispatcher' | 'hub' | 'sessions'> {
  return { dispatcher: { dispatch: desk.dispatch }, hub: createEventHub(), sessions: createSessionStore(clock) };
}
