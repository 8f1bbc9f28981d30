import { createAuditViewService } from './admin/audit-view.ts';
import { createAuthService } from './auth/auth.ts';
import { createBackupsService, type OperationsHost } from './operations/backups.ts';
import { createAppointmentsService } from './front-desk/appointments.ts';
import type { ServiceDeps } from './core/context.ts';
import { createDrawerService } from './payments/drawer.ts';
import { createPaymentsService } from './payments/payments.ts';
import { createReceiptsService } from './payments/receipts.ts';
import { createReportsService } from './payments/reports.ts';
import { createExportsService } from './exports/exports.ts';
import { createPatientsService } from './patients/patients.ts';
import { createDoctorsService } from './schedule/doctors.ts';
import { createExceptionsService } from './schedule/exceptions.ts';
import { createScheduleViewService } from './schedule/schedule-view.ts';
import { createSlotsService } from './schedule/slots.ts';
import { createTemplatesService } from './schedule/templates.ts';
import { createSettingsService } from './admin/settings.ts';
import { createSetupService } from './admin/setup.ts';
import { createUsersService } from './admin/users.ts';
import { createWaitlistService } from './front-desk/waitlist.ts';
import { createMessagesService } from './messages/messages.ts';

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
