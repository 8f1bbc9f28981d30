import type { SlotView } from '#contract/schedule.ts';

/**
 * A booked slot of an appointment type is drawn in the type's colour (its edge and a light
 * fill); the status keeps its icon and word, so colour is still never the only signal.
 */
export function typeStyle(slot: SlotView): Record<string, string> {
  const colour = slot.appointment?.typeColour;
  if (!colour) return {};
  return {
    '--cd-slot-edge': colour,
    '--cd-slot-bg': `color-mix(in srgb, ${colour} 22%, var(--mantine-color-body))`,
  };
}

/** The type and room under the patient's name ("Ultrasound · Ultrasound room"), or null. */
export function typeLine(slot: SlotView): string | null {
  const parts = [slot.appointment?.typeName, slot.appointment?.resourceName].filter((part) => Boolean(part));
  return parts.length > 0 ? parts.join(' · ') : null;
}

/** The cell's name with the type and room it shows, so what is read matches what is seen. */
export function withTypeLine(name: string, slot: SlotView): string {
  const line = typeLine(slot);
  return line ? `${name}, ${line}` : name;
}
