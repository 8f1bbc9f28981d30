import { createAuthService } from './auth.ts';
import type { ServiceDeps } from './context.ts';
import { createSettingsService } from './settings.ts';
import { createSetupService } from './setup.ts';
import { createUsersService } from './users.ts';

/** Every service of the app, built from one database, clock and logger. */
export function createServices(deps: ServiceDeps) {
  return {
    deps,
    setup: createSetupService(deps),
    auth: createAuthService(deps),
    settings: createSettingsService(deps),
    users: createUsersService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
