import type { AppCore } from '../../app-core.ts';
import type { Actor } from '../../services/core/context.ts';

// The demo clinic's rooms and appointment types, made through their services (audited). The
// seeded appointments stay typeless: their payments keep the doctor's fee and their counts the
// seed's plan.

const DEMO_RESOURCES = [
  { name: 'Room 1', kind: 'room' },
  { name: 'Room 2', kind: 'room' },
  { name: 'Ultrasound room', kind: 'ultrasound' },
] as const;

const DEMO_TYPES = [
  { name: 'Consultation', minutes: 15, colour: '#3b6ea8', defaultFee: null, needsResourceKind: null },
  { name: 'Long consultation', minutes: 45, colour: '#2f7d4a', defaultFee: null, needsResourceKind: null },
  { name: 'Ultrasound', minutes: 30, colour: '#8a4fb3', defaultFee: 60, needsResourceKind: 'ultrasound' },
] as const;

/** Creates the demo rooms and types; every demo doctor offers each. */
export async function seedAppointmentTypes(core: AppCore, actor: Actor, doctorIds: readonly number[]): Promise<void> {
  if (doctorIds.length === 0) return;
  for (const resource of DEMO_RESOURCES) await core.services.resources.create(actor, { ...resource, active: true });
  for (const type of DEMO_TYPES) {
    await core.services.appointmentTypes.create(actor, { ...type, active: true, doctorIds: [...doctorIds] });
  }
}
