// The resources domain's public face: appointment types, rooms and other resources, and the
// booking helpers that join slots for a long type and hold a room for an appointment.
// Other domains (and main/services/index.ts) import this domain only through this file.

export { createAppointmentTypesService, typeForBooking, type TypeForBooking } from './appointment-types.ts';
export { createResourcesService } from './resources.ts';
export { claimResource, releaseResources, type ResourceChoice } from './resource-booking.ts';
export { joinSlotsFor, splitFreedSlots } from './slot-joining.ts';
export { releaseTime, retakeTime } from './appointment-time.ts';
