// The admin domain's public face: Staff accounts, clinic settings and first-run setup.
// Other domains (and main/services/index.ts) import this domain only through this file.

export { createUsersService } from './users.ts';
export type { UsersService, DoctorProfile } from './users.ts';
export { createSettingsService } from './settings.ts';
export { createSetupService } from './setup.ts';
