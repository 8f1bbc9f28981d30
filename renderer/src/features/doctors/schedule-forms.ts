import { z } from 'zod';
import { contract } from '#contract/index.ts';
import { parseWith, toNumber, typedNumber } from '../../lib/form-schema.ts';
import { parseTypedTime } from '../../lib/typed-input.ts';

// Forms of the weekly-rule, extra-session and one-off-slot dialogs. They hold what the inputs
// hold (typed times, numbers being typed, picked dates); on submit the values are checked with
// the contract's own input schemas, so a dialog refuses exactly what main refuses.

/** A typed time as 'HH:MM'; text that is not a time goes through, for the contract's message. */
export const typedTime = (text: string): string => parseTypedTime(text) ?? text.trim();

const templateShape = z.object({
  weekdays: z.array(z.string()),
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: typedNumber,
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type TemplateFormValues = z.input<typeof templateShape>;

const templateFields = (v: TemplateFormValues) => ({
  weekdays: v.weekdays.map(Number).sort((a, b) => a - b),
  startTime: typedTime(v.startTime),
  endTime: typedTime(v.endTime),
  slotMinutes: toNumber(v.slotMinutes),
  validFrom: v.validFrom ?? undefined,
  validTo: v.validTo,
});

export const createTemplateSchema = (doctorId: number) =>
  templateShape.transform((v, ctx) =>
    parseWith(contract['templates.create'].input, { doctorId, ...templateFields(v) }, ctx),
  );

export const updateTemplateSchema = (templateId: number, version: number) =>
  templateShape.transform((v, ctx) =>
    parseWith(contract['templates.update'].input, { templateId, version, ...templateFields(v) }, ctx),
  );

export const TEMPLATE_FIELD_NAMES = [
  'weekdays',
  'startTime',
  'endTime',
  'slotMinutes',
  'validFrom',
  'validTo',
] as const;

const extraShape = z.object({
  date: z.string().nullable(),
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: typedNumber,
  reason: z.string(),
});
export type ExtraFormValues = z.input<typeof extraShape>;

export const extraSchema = (doctorId: number) =>
  extraShape.transform((v, ctx) =>
    parseWith(
      contract['exceptions.addExtra'].input,
      {
        doctorId,
        date: v.date ?? undefined,
        startTime: typedTime(v.startTime),
        endTime: typedTime(v.endTime),
        slotMinutes: toNumber(v.slotMinutes),
        reason: v.reason,
      },
      ctx,
    ),
  );

export const EXTRA_FIELD_NAMES = ['date', 'startTime', 'endTime', 'slotMinutes', 'reason'] as const;

const slotShape = z.object({ date: z.string().nullable(), startTime: z.string(), endTime: z.string() });
export type SlotFormValues = z.input<typeof slotShape>;

export const manualSlotSchema = (doctorId: number) =>
  slotShape.transform((v, ctx) =>
    parseWith(
      contract['slots.addManual'].input,
      { doctorId, date: v.date ?? undefined, startTime: typedTime(v.startTime), endTime: typedTime(v.endTime) },
      ctx,
    ),
  );

export const SLOT_FIELD_NAMES = ['date', 'startTime', 'endTime'] as const;
