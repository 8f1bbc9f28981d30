// The schedule domain's public face: Doctors, weekly rules, leave and extra sessions, slots and the calendar views.
// Other domains (and main/services/index.ts) import this domain only through this file.

export { createDoctorsService } from './doctors.ts';
export { createExceptionsService } from './exceptions.ts';
export { createScheduleViewService } from './schedule-view.ts';
export type { ScheduleViewService } from './schedule-view.ts';
export { createSlotsService } from './slots.ts';
export { createTemplatesService } from './templates.ts';
export { requireDoctor } from './schedule-access.ts';
export { syncIsBooked } from './slot-generation.ts';
export { isPast, leaveCovering, leaveOn } from './slot-view.ts';
