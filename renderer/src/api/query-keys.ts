import type { ChannelInput } from '#contract/index.ts';

export type UserFilter = ChannelInput<'users.list'>;

/** Every TanStack Query key the app uses, in one place. */
export const queryKeys = {
  setupStatus: ['setup.status'] as const,
  session: ['auth.session'] as const,
  settings: ['settings'] as const,
  users: ['users'] as const,
  userList: (filter: UserFilter) => ['users', 'list', filter] as const,
  user: (userId: number) => ['users', 'one', userId] as const,
};

/** Queries that outlive a sign-out: everything else belongs to the user who signed out. */
export const keptAfterSignOut: readonly string[] = [queryKeys.setupStatus[0], queryKeys.session[0]];
