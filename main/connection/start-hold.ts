import type { KeyHold, UpgradeHold } from '#contract/connection.ts';
import { contract, type ClinicError, type Result } from '#contract/index.ts';
import type { AppCore } from '../app-core.ts';
import { createEventHub } from '../ipc/event-hub.ts';
import { createSessionStore } from '../ipc/sessions.ts';
import { validationError } from '../ipc/validation.ts';
import type { Clock } from '../services/core/clock.ts';
import type { UpgradeConfirmation, UpgradeNeedsConfirmationError } from './version-gate.ts';

// A start held by a question only a person can answer: the recovery words of an encrypted clinic
// file this PC keeps no key for, or an administrator's confirmation of a server update (this PC is
// newer than the clinic server's tables). The window opens on this desk instead of the app, shows
// the question, and passes the answer back to the start, which retries with it. Plain code, so
// the desktop app and the web shell wire it the same way and tests drive it without Electron.

export type HoldOutcome = { started: true } | { failed: string };

export interface StartHoldDesk {
  /** prepareDesktopKey's askKeyText: waits for the words typed in the window (null: quit). */
  askKey(problem: string | null): Promise<string | null>;
  /** startFromChoice's onUpgradeNeedsConfirmation: waits for the window's answer (null: quit). */
  askUpgrade(hold: UpgradeNeedsConfirmationError, problem: string | null): Promise<UpgradeConfirmation | null>;
  /** Answers the held window's calls: the question, its answer, and "not yet" for the rest. */
  dispatch(clientKey: string, channel: string, input: unknown): Promise<Result<unknown>>;
  /** The start ended (call after the real core took over the window's calls). */
  settle(outcome: HoldOutcome): void;
  /** The held window was closed: the pending question is answered "quit". */
  cancel(): void;
}

type Question = { kind: 'key'; view: KeyHold } | { kind: 'upgrade'; view: UpgradeHold };

const fail = (error: ClinicError): Result<never> => ({ ok: false, error });
const DONE: Result<unknown> = { ok: true, value: { done: true } };

const WAITING: Record<Question['kind'], string> = {
  key: "Clinic desk is waiting for the recovery words of the clinic's encrypted data.",
  upgrade: 'Clinic desk is waiting for an administrator to confirm the update of the clinic server.',
};

export function createStartHoldDesk(): StartHoldDesk {
  let question: Question | null = null;
  let cancelled = false;
  let answerQuestion: ((answer: unknown) => void) | null = null;
  let answerWindow: ((result: Result<unknown>) => void) | null = null;

  function replyToWindow(result: Result<unknown>): void {
    const reply = answerWindow;
    answerWindow = null;
    reply?.(result);
  }

  /**
   * Shows `next` to the window. The window's last answer is settled here: refused with `refusal`
   * (it may try again), or taken (the start went on to this next question).
   */
  function pose<T>(next: Question, refusal: ClinicError | null): Promise<T | null> {
    question = next;
    replyToWindow(refusal ? fail(refusal) : DONE);
    if (cancelled) return Promise.resolve(null);
    return new Promise<T | null>((resolve) => {
      answerQuestion = resolve as (answer: unknown) => void;
    });
  }

  function answer(kind: Question['kind'], parsed: Result<unknown>): Promise<Result<unknown>> {
    if (!parsed.ok) return Promise.resolve(parsed);
    const reply = answerQuestion;
    if (question?.kind !== kind || !reply || answerWindow) {
      return Promise.resolve(fail({ code: 'CONFLICT', message: 'This answer is already being checked. Wait for it.' }));
    }
    answerQuestion = null;
    const outcome = new Promise<Result<unknown>>((resolve) => {
      answerWindow = resolve;
    });
    reply(parsed.value);
    return outcome;
  }

  return {
    askKey(problem) {
      const refusal = problem
        ? { code: 'VALIDATION' as const, message: problem, fields: { recoveryWords: problem } }
        : null;
      return pose<string>({ kind: 'key', view: { problem } }, refusal);
    },
    askUpgrade(error, problem) {
      const view = { appVersion: error.appVersion, serverVersion: error.serverVersion, message: error.message };
      // The last answer was refused (wrong password): the window hears why and may try again.
      const refusal = problem
        ? { code: 'INVALID_CREDENTIALS' as const, message: problem, fields: { password: problem } }
        : null;
      return pose<UpgradeConfirmation>({ kind: 'upgrade', view }, refusal);
    },
    dispatch(_clientKey, channel, input) {
      switch (channel) {
        case 'setup.keyHold':
          return Promise.resolve({ ok: true, value: question?.kind === 'key' ? question.view : null });
        case 'setup.upgradeHold':
          return Promise.resolve({ ok: true, value: question?.kind === 'upgrade' ? question.view : null });
        case 'setup.enterKey': {
          const parsed = contract['setup.enterKey'].input.safeParse(input ?? {});
          return answer(
            'key',
            parsed.success ? { ok: true, value: parsed.data.recoveryWords } : fail(validationError(parsed.error)),
          );
        }
        case 'setup.confirmUpgrade': {
          const parsed = contract['setup.confirmUpgrade'].input.safeParse(input ?? {});
          return answer(
            'upgrade',
            parsed.success ? { ok: true, value: parsed.data } : fail(validationError(parsed.error)),
          );
        }
        default:
          return Promise.resolve(fail({ code: 'UNAVAILABLE', message: WAITING[question?.kind ?? 'upgrade'] }));
      }
    },
    settle(outcome) {
      question = null;
      replyToWindow('started' in outcome ? DONE : fail({ code: 'CONFLICT', message: outcome.failed }));
    },
    cancel() {
      cancelled = true;
      const reply = answerQuestion;
      answerQuestion = null;
      reply?.(null);
    },
  };
}

/** The held desk in the shape the IPC registration and the web shell serve (no sessions while held). */
export function heldCore(desk: StartHoldDesk, clock: Clock): Pick<AppCore, 'dispatcher' | 'hub' | 'sessions'> {
  return { dispatcher: { dispatch: desk.dispatch }, hub: createEventHub(), sessions: createSessionStore(clock) };
}
