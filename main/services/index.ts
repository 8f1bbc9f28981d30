import { createAuditViewService } from './audit-view.ts';
import { createAuthService } from './auth.ts';
import { createBackupsService, type OperationsHost } from './backups.ts';
import { createAppointmentsService } from './appointments.ts';
import type { ServiceDeps } from './context.ts';
import { createDrawerService } from './drawer.ts';
import { createPaymentsService } from './payments.ts';
import { createReceiptsService } from './receipts.ts';
import { createReportsService } from './reports.ts';
import { createExportsService } from './exports.ts';
import { createPatientsService } from './patients.ts';
import { createDoctorsService } from './doctors.ts';
import { createExceptionsService } from './exceptions.ts';
import { createScheduleViewService } from './schedule-view.ts';
import { createSlotsService } from './slots.ts';
import { createTemplatesService } from './templates.ts';
import { createSettingsService } from './settings.ts';
import { createSetupService } from './setup.ts';
import { createUsersService } from './users.ts';
import { createWaitlistService } from './waitlist.ts';
import { createMessagesService } from './messages.ts';

/** Every service of the app, built from one database, clock and logger. */
export function createServices(deps: ServiceDeps, operations: OperationsHost | null = null) {
  const appointments = createAppointmentsService(deps);
  const scheduleView = createScheduleViewService(deps);
  return {
    deps,
    setup: createSetupService(deps),
    auth: createAuthService(deps),
    settings: createSettingsService(deps),
    users: createUsersService(deps),
    doctors: createDoctorsService(deps),
    templates: createTemplatesService(deps),
    exceptions: createExceptionsService(deps),
    slots: createSlotsService(deps),
    scheduleView,
    patients: createPatientsService(deps),
    appointments,
    waitlist: createWaitlistService(deps, appointments, scheduleView),
    backups: createBackupsService(deps, operations),
    auditView: createAuditViewService(deps),
    payments: createPaymentsService(deps),
    drawer: createDrawerService(deps),
    receipts: createReceiptsService(deps),
    reports: createReportsService(deps),
    exports: createExportsService(deps),
    messages: createMessagesService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
