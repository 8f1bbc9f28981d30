import { createAuditViewService } from './operations/index.ts';
import { createAuthService } from './auth/index.ts';
import { createBackupsService, type OperationsHost } from './operations/index.ts';
import { createAppointmentsService } from './front-desk/index.ts';
import type { ServiceDeps } from './core/context.ts';
import { createDrawerService } from './payments/index.ts';
import { createPaymentsService } from './payments/index.ts';
import { createReceiptsService } from './payments/index.ts';
import { createReportsService } from './payments/index.ts';
import { createExportsService } from './exports/index.ts';
import { createPatientsService } from './patients/index.ts';
import { createPatientMergeService } from './patients/index.ts';
import { createPatientImportService } from './patient-import/index.ts';
import { createDoctorsService } from './schedule/index.ts';
import { createExceptionsService } from './schedule/index.ts';
import { createScheduleViewService } from './schedule/index.ts';
import { createSlotsService } from './schedule/index.ts';
import { createTemplatesService } from './schedule/index.ts';
import { createSettingsService } from './admin/index.ts';
import { createSetupService } from './admin/index.ts';
import { createUsersService } from './admin/index.ts';
import { createWaitlistService } from './front-desk/index.ts';
import { createSeriesService } from './front-desk/index.ts';
import { createBookingSuggestionService } from './front-desk/index.ts';
import { createMessagesService } from './messages/index.ts';
import { createEncryptionService } from './encryption/index.ts';
import { createAppointmentTypesService, createResourcesService } from './resources/index.ts';
import { createCallListService, createPrintoutsService } from './call-list/index.ts';

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
    patientMerge: createPatientMergeService(deps),
    patientImport: createPatientImportService(deps, createPatientsService(deps)),
    appointments,
    waitlist: createWaitlistService(deps, appointments, scheduleView),
    series: createSeriesService(deps, appointments, scheduleView),
    appointmentTypes: createAppointmentTypesService(deps),
    resources: createResourcesService(deps),
    bookingSuggestion: createBookingSuggestionService(deps, scheduleView),
    backups: createBackupsService(deps, operations),
    encryption: createEncryptionService(deps, operations),
    auditView: createAuditViewService(deps),
    payments: createPaymentsService(deps),
    drawer: createDrawerService(deps),
    receipts: createReceiptsService(deps),
    reports: createReportsService(deps),
    exports: createExportsService(deps),
    messages: createMessagesService(deps),
    callList: createCallListService(deps, appointments),
    printouts: createPrintoutsService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;
