import { z } from 'zod';
import { channel, done, noInput } from './channel.ts';
import { credentialsSchema, passwordAttemptSchema, passwordSchema, STAFF_ROLES } from './fields.ts';

// auth: signing in and out, the idle lock and one's own password.

export const sessionUserSchema = z.object({
  userId: z.number(),
  name: z.string(),
  email: z.string(),
  role: z.enum(STAFF_ROLES),
});
export const sessionSchema = z.object({
  user: sessionUserSchema,
  locked: z.boolean(),
  idleLockMinutes: z.number(),
});
export type Session = z.infer<typeof sessionSchema>;

export const authChannels = {
  'auth.session': channel({
    description: 'The session of this window, or null when nobody is signed in.',
    access: 'public',
    whileLocked: true,
    input: noInput,
    output: sessionSchema.nullable(),
  }),
  'auth.signIn': channel({
    description: 'Signs a staff member in with email and password.',
    access: 'public',
    input: credentialsSchema,
    output: sessionSchema,
  }),
  'auth.signOut': channel({
    description: 'Signs this window out.',
    access: 'staff',
    whileLocked: true,
    input: noInput,
    output: done,
  }),
  'auth.lock': channel({
    description: 'Locks this window until the password is entered again.',
    access: 'staff',
    whileLocked: true,
    input: noInput,
    output: sessionSchema,
  }),
  'auth.unlock': channel({
    description: 'Unlocks a locked window with the signed-in user’s password.',
    access: 'staff',
    whileLocked: true,
    input: z.object({ password: passwordAttemptSchema }),
    output: sessionSchema,
  }),
  'auth.touch': channel({
    description: 'Tells main the user is active, so the idle lock starts counting again.',
    access: 'staff',
    input: noInput,
    output: done,
  }),
  'auth.changePassword': channel({
    description: 'Changes the signed-in user’s own password.',
    access: 'staff',
    input: z.object({ currentPassword: passwordAttemptSchema, newPassword: passwordSchema }),
    output: done,
  }),
} as const;
