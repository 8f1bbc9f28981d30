// The one list of each status and kind, shared by the contract, main's services, the database
// types and the window. The migrations keep their own frozen copies in their CHECKs (a
// migration never changes once shipped); tests/unit/statuses.test.ts checks they still agree.

/** An appointment's life: scheduled → checked in → in consultation → completed; or cancelled / no-show. */
export const APPOINTMENT_STATUSES = [
  'scheduled',
  'checked_in',
  'in_consultation',
  'completed',
  'cancelled',
  'no_show',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Statuses that hold a slot: the same set as the partial unique index on appointments. */
export const ACTIVE_STATUSES = ['scheduled', 'checked_in', 'in_consultation', 'completed'] as const;
/** Statuses that free the slot (the index's `NOT IN`; queries use this wording so the index is used). */
export const INACTIVE_STATUSES = ['cancelled', 'no_show'] as const;
/** Not finished yet: the patient is still expected, waiting or with the doctor. */
export const OPEN_STATUSES = ['scheduled', 'checked_in', 'in_consultation'] as const;
/** Nothing moves on from these (except an admin's undo of the last step). */
export const TERMINAL_STATUSES = ['completed', 'cancelled', 'no_show'] as const;

/**
 * The forward-only moves: each status that can be reached, and the statuses it can be reached
 * from. Who may make each move is the contract's rule, not this one.
 */
export const STATUS_MOVES = {
  checked_in: ['scheduled'],
  in_consultation: ['checked_in'],
  completed: ['in_consultation'],
  cancelled: ['scheduled', 'checked_in'],
  no_show: ['scheduled', 'checked_in'],
} as const satisfies Partial<Record<AppointmentStatus, readonly AppointmentStatus[]>>;
export type StatusMoveTarget = keyof typeof STATUS_MOVES;

/** Whether an appointment in `from` may be moved to `to` (ignoring who asks). */
export const canMove = (from: AppointmentStatus, to: AppointmentStatus): boolean =>
  to in STATUS_MOVES && (STATUS_MOVES[to as StatusMoveTarget] as readonly AppointmentStatus[]).includes(from);

/** Whether an appointment in this status has given its slot back. */
export const isSlotFreeing = (status: AppointmentStatus): boolean =>
  (INACTIVE_STATUSES as readonly AppointmentStatus[]).includes(status);

export const isAppointmentStatus = (value: string): value is AppointmentStatus =>
  (APPOINTMENT_STATUSES as readonly string[]).includes(value);

export const PAYMENT_METHODS = ['cash', 'card', 'mobile_money', 'insurance', 'bank_transfer', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_STATUSES = ['unpaid', 'partially_paid', 'paid', 'partially_refunded', 'refunded', 'void'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const LEDGER_KINDS = ['charge', 'adjustment', 'payment', 'refund'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** Outcomes of a confirmation call about an appointment (the call list; keys 1–4 in this order). */
export const CALL_OUTCOMES = ['confirmed', 'left_message', 'no_answer', 'cancelled'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
