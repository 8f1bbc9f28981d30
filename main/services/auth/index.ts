// The auth domain's public face: Sign-in, sessions' users, password hashing and the staff-user row rules.
// Other domains (and main/services/index.ts) import this domain only through this file.

export { createAuthService } from './auth.ts';
export type { AuthService } from './auth.ts';
export { hashPassword } from './passwords.ts';
export { loadStaffUser, sessionEpochOf, toStaffUser } from './staff-users.ts';
