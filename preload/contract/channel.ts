import { z } from 'zod';
import type { StaffRole } from './fields.ts';

/** `public`: no session needed; `staff`: any signed-in user; or a list of roles. */
export type Access = 'public' | 'staff' | readonly StaffRole[];

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  description: string;
  access: Access;
  input: I;
  output: O;
  /** Callable while the session is idle-locked (unlock, sign out, read the session). */
  whileLocked?: boolean;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(spec: ChannelSpec<I, O>): ChannelSpec<I, O> => spec;

/** The one reading of an `access` rule: the dispatcher, the role matrix and the window all use it. */
export const roleMayUse = (access: Access, role: StaffRole): boolean =>
  access === 'public' || access === 'staff' || access.includes(role);

export const ADMIN = ['admin'] as const;
/** The front desk: reception and admins. */
export const DESK = ['admin', 'receptionist'] as const;
export const noInput = z.object({}).strict();
export const done = z.object({ done: z.literal(true) });
