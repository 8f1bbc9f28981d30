import { z } from 'zod';
import { ADMIN, channel, DESK } from './channel.ts';
import { idSchema, textSchema } from './fields.ts';

// appointment types and rooms/resources: what is booked (length, colour, fee, who offers it)
// and where (a room, an ultrasound machine). Admins edit them; everyone reads them.

export const appointmentTypeSchema = z.object({
  appointmentTypeId: z.number(),
  name: z.string(),
  minutes: z.number(),
  /** `#rrggbb`, the calendar block's colour. */
  colour: z.string(),
  /** Major units of the clinic's currency; null: the doctor's consultation fee. */
  defaultFee: z.number().nullable(),
  /** The kind of resource it needs ('ultrasound'); booking picks a free one. */
  needsResourceKind: z.string().nullable(),
  active: z.boolean(),
  /** The doctors who offer it. */
  doctorIds: z.array(z.number()),
});
export type AppointmentType = z.infer<typeof appointmentTypeSchema>;

export const resourceSchema = z.object({
  resourceId: z.number(),
  name: z.string(),
  kind: z.string(),
  active: z.boolean(),
});
export type Resource = z.infer<typeof resourceSchema>;

const nameSchema = (label: string) =>
  textSchema(label, `Enter the ${label}.`)
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(80, `Use at most 80 characters for the ${label}.`);

const kindSchema = textSchema('kind', 'Enter the kind, for example room or ultrasound.')
  .trim()
  .toLowerCase()
  .min(1, 'Enter the kind, for example room or ultrasound.')
  .max(40, 'Use at most 40 characters for the kind.');

export const typeFieldsSchema = z.object({
  name: nameSchema('type name'),
  minutes: z
    .number({ error: 'Enter the length in minutes.' })
    .int('Enter whole minutes for the length.')
    .min(5, 'A type must be at least 5 minutes long.')
    .max(480, 'A type must be at most 480 minutes long.'),
  colour: z
    .string({ error: 'Choose a colour.' })
    .regex(/^#[0-9a-fA-F]{6}$/, 'Choose a colour as #rrggbb, for example #2f7d4a.')
    .transform((v) => v.toLowerCase()),
  defaultFee: z
    .number({ error: 'Enter the fee as a number.' })
    .min(0, 'The fee cannot be negative.')
    .max(1_000_000_000, 'The fee must be at most 1,000,000,000.')
    .nullable(),
  needsResourceKind: kindSchema.nullable(),
  active: z.boolean({ error: 'Say whether the type can be booked.' }),
  doctorIds: z
    .array(idSchema, { error: 'Choose the doctors who offer it.' })
    .min(1, 'Choose at least one doctor who offers it.')
    .max(500, 'Choose at most 500 doctors.')
    .refine((ids) => new Set(ids).size === ids.length, 'Choose each doctor only once.'),
});
export type AppointmentTypeFields = z.input<typeof typeFieldsSchema>;

export const resourceFieldsSchema = z.object({
  name: nameSchema('resource name'),
  kind: kindSchema,
  active: z.boolean({ error: 'Say whether it can be booked.' }),
});
export type ResourceFields = z.input<typeof resourceFieldsSchema>;

const listInput = z.object({ includeInactive: z.boolean().optional() });

export const appointmentTypesChannels = {
  'types.list': channel({
    description: 'The appointment types, by name (active only unless asked), with the doctors who offer each.',
    access: 'staff',
    input: listInput,
    output: z.array(appointmentTypeSchema),
  }),
  'types.create': channel({
    description: 'Adds an appointment type (admins, audited).',
    access: ADMIN,
    input: typeFieldsSchema,
    output: appointmentTypeSchema,
  }),
  'types.update': channel({
    description: 'Changes an appointment type; booked appointments keep their times (admins, audited).',
    access: ADMIN,
    input: typeFieldsSchema.extend({ appointmentTypeId: idSchema }),
    output: appointmentTypeSchema,
  }),
  'resources.list': channel({
    description: 'The rooms and other resources, by name (active only unless asked).',
    access: 'staff',
    input: listInput,
    output: z.array(resourceSchema),
  }),
  'resources.create': channel({
    description: 'Adds a room or resource (admins, audited).',
    access: ADMIN,
    input: resourceFieldsSchema,
    output: resourceSchema,
  }),
  'resources.update': channel({
    description: 'Renames, re-kinds or retires a room or resource (admins, audited).',
    access: ADMIN,
    input: resourceFieldsSchema.extend({ resourceId: idSchema }),
    output: resourceSchema,
  }),
  'resources.freeFor': channel({
    description: 'The active resources of a kind free for a slot booked as a type (for the desk to choose).',
    access: DESK,
    input: z.object({ availabilityId: idSchema, appointmentTypeId: idSchema.optional() }),
    output: z.array(resourceSchema),
  }),
} as const;
