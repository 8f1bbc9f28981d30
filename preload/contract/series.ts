import { z } from 'zod';
import { channel, DESK } from './channel.ts';
import { dateSchema, idSchema, reasonSchema, timeSchema } from './fields.ts';
import { appointmentSchema, STATUS_MOVE_ROLES } from './front-desk.ts';

// Recurring visits: plan a series (every conflict shown, nothing written), book it all or none
// or skipping the conflicts (one transaction, audited with the choice), and cancel "this and
// following". Each visit is an ordinary appointment linked to its series.

/** The most visits one series books. */
export const SERIES_MAX_VISITS = 52;
export const SERIES_UNITS = ['days', 'weeks'] as const;
export type SeriesUnit = (typeof SERIES_UNITS)[number];
export const SERIES_MODES = ['all_or_none', 'skip_conflicts'] as const;
export type SeriesMode = (typeof SERIES_MODES)[number];
/** Why a date of the series cannot be booked as planned. */
export const SERIES_CONFLICTS = ['taken', 'no_slot', 'on_leave', 'unavailable', 'patient_busy'] as const;
export type SeriesConflict = (typeof SERIES_CONFLICTS)[number];
export const SERIES_CANCEL_SCOPES = ['this_and_following', 'only_this'] as const;

const ruleObject = z.object({
  patientId: idSchema,
  /** The first visit's slot; or give doctorId, date and time. */
  firstSlotId: idSchema.optional(),
  doctorId: idSchema.optional(),
  date: dateSchema.optional(),
  time: timeSchema.optional(),
  every: z
    .number({ error: 'Enter how often the visit repeats as a number.' })
    .int('Enter a whole number for how often the visit repeats.')
    .min(1, 'Repeat at least every 1 day or week.')
    .max(365, 'Repeat at most every 365 days.'),
  unit: z.enum(SERIES_UNITS, { error: 'Choose days or weeks.' }),
  count: z
    .number({ error: 'Enter the number of visits as a number.' })
    .int('Enter a whole number of visits.')
    .min(2, 'A series needs at least 2 visits.')
    .max(SERIES_MAX_VISITS, `A series can have at most ${SERIES_MAX_VISITS} visits.`)
    .optional(),
  /** The last day a visit may fall on (instead of a count). */
  until: dateSchema.optional(),
  /** Every visit's appointment type (a long type joins slots) and room, as in a single booking. */
  appointmentTypeId: idSchema.nullable().optional(),
  resourceId: idSchema.nullable().optional(),
});
export type SeriesRule = z.output<typeof ruleObject>;

type RuleFields = Partial<Pick<SeriesRule, 'firstSlotId' | 'doctorId' | 'date' | 'time' | 'every' | 'unit'>> & {
  count?: number | undefined;
  until?: string | undefined;
};

/** The checks across fields, each refusal naming the field to fix. */
function ruleCheck(value: RuleFields, ctx: z.RefinementCtx): void {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (value.firstSlotId === undefined) {
    if (value.doctorId === undefined) issue('doctorId', 'Choose a doctor for the series.');
    if (value.date === undefined) issue('date', 'Enter the date of the first visit.');
    if (value.time === undefined) issue('time', 'Enter the time of the visits.');
  }
  if (value.unit === 'weeks' && value.every !== undefined && value.every > 52)
    issue('every', 'Repeat at most every 52 weeks.');
  if (value.count === undefined && value.until === undefined)
    issue('count', 'Give the number of visits or the last day.');
  if (value.count !== undefined && value.until !== undefined)
    issue('until', 'Give either the number of visits or the last day, not both.');
  if (value.until !== undefined && value.date !== undefined && value.until < value.date)
    issue('until', 'The last day must be on or after the first visit.');
}

export const seriesRuleSchema = ruleObject.superRefine(ruleCheck);

const slotChoiceSchema = z.object({
  availabilityId: z.number(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
});

export const seriesOccurrenceSchema = z.object({
  /** 1 for the first visit. */
  index: z.number(),
  date: z.string(),
  time: z.string(),
  status: z.enum(['free', ...SERIES_CONFLICTS]),
  /** The slot of a free date; null for a conflict. */
  availabilityId: z.number().nullable(),
  endTime: z.string().nullable(),
  /** Why a conflict cannot be booked, in the words the single booking uses. */
  reason: z.string().nullable(),
  /** For a conflict: the same doctor's nearest free slots from that time on. */
  alternatives: z.array(slotChoiceSchema),
});
export type SeriesOccurrence = z.infer<typeof seriesOccurrenceSchema>;

export const seriesPlanSchema = z.object({
  patientId: z.number(),
  patientName: z.string(),
  doctorId: z.number(),
  doctorName: z.string(),
  occurrences: z.array(seriesOccurrenceSchema),
});
export type SeriesPlan = z.infer<typeof seriesPlanSchema>;

const skippedSchema = z.object({ index: z.number(), date: z.string(), time: z.string(), reason: z.string() });

export const seriesBookedSchema = z.object({
  seriesId: z.number(),
  mode: z.enum(SERIES_MODES),
  booked: z.array(appointmentSchema.extend({ index: z.number() })),
  skipped: z.array(skippedSchema),
});
export type SeriesBooked = z.infer<typeof seriesBookedSchema>;

const bookSeriesInput = ruleObject
  .extend({
    mode: z.enum(SERIES_MODES, { error: 'Choose to book all or none, or to skip the dates that are not free.' }),
    /** The desk's choice per date: another slot (an alternative), or null to leave that date out. */
    choices: z
      .array(z.object({ index: z.number().int().min(1).max(SERIES_MAX_VISITS), availabilityId: idSchema.nullable() }))
      .max(SERIES_MAX_VISITS, `Choose for at most ${SERIES_MAX_VISITS} visits.`)
      .refine((list) => new Set(list.map((c) => c.index)).size === list.length, 'Choose once for each visit.')
      .default([]),
  })
  .superRefine(ruleCheck);
export type BookSeriesInput = z.output<typeof bookSeriesInput>;

export const seriesChannels = {
  'appointments.planSeries': channel({
    description:
      'Plans a recurring series: every date with its free slot, or why not and the nearest free alternatives. Writes nothing.',
    access: DESK,
    input: seriesRuleSchema,
    output: seriesPlanSchema,
  }),
  'appointments.bookSeries': channel({
    description:
      'Books a planned series in one step, all or none or skipping the dates that are not free; the choice is audited.',
    access: DESK,
    input: bookSeriesInput,
    output: seriesBookedSchema,
  }),
  'appointments.seriesOf': channel({
    description: 'The series an appointment belongs to and how many of its open visits are from it on; null if none.',
    access: 'staff',
    input: z.object({ appointmentId: idSchema }),
    output: z.object({ seriesId: z.number(), openFromHere: z.number(), openTotal: z.number() }).nullable(),
  }),
  'appointments.cancelSeries': channel({
    description: 'Cancels a visit of a series with a reason: only this one, or this one and every later one.',
    access: STATUS_MOVE_ROLES.cancelled,
    input: z.object({
      appointmentId: idSchema,
      scope: z.enum(SERIES_CANCEL_SCOPES, { error: 'Choose only this visit, or this and the following ones.' }),
      reason: reasonSchema('reason for cancelling'),
    }),
    output: z.array(appointmentSchema),
  }),
} as const;

export type SeriesChannelName = keyof typeof seriesChannels;
