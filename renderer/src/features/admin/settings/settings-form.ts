import { z } from 'zod';
import { settingsUpdateSchema, type Settings } from '#contract/index.ts';
import { parseWith, toNumber, typedNumber } from '../../../lib/form-schema.ts';

const formShape = z.object({
  clinicName: z.string(),
  clinicAddress: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  defaultSlotMinutes: typedNumber,
  idleLockMinutes: typedNumber,
  timeFormat: z.enum(['24h', '12h']),
  refundApprovalThreshold: typedNumber,
  scheduleHorizonWeeks: typedNumber,
  likelyNoShowMinutes: typedNumber,
  requiredPatientFields: z.array(z.string()),
});

export type SettingsFormValues = z.input<typeof formShape>;

const fields = settingsUpdateSchema.omit({ version: true });

export const settingsFormSchema = formShape.transform((v, ctx) =>
  parseWith(
    fields,
    {
      ...v,
      defaultSlotMinutes: toNumber(v.defaultSlotMinutes),
      idleLockMinutes: toNumber(v.idleLockMinutes),
      refundApprovalThreshold: toNumber(v.refundApprovalThreshold),
      scheduleHorizonWeeks: toNumber(v.scheduleHorizonWeeks),
      likelyNoShowMinutes: toNumber(v.likelyNoShowMinutes),
    },
    ctx,
  ),
);

export const SETTINGS_FIELD_NAMES = [
  'clinicName',
  'clinicAddress',
  'timeZone',
  'currency',
  'defaultSlotMinutes',
  'idleLockMinutes',
  'timeFormat',
  'refundApprovalThreshold',
  'scheduleHorizonWeeks',
  'likelyNoShowMinutes',
  'requiredPatientFields',
] as const;

export const settingsToForm = (settings: Settings): SettingsFormValues => ({
  clinicName: settings.clinicName,
  clinicAddress: settings.clinicAddress ?? '',
  timeZone: settings.timeZone,
  currency: settings.currency,
  defaultSlotMinutes: settings.defaultSlotMinutes,
  idleLockMinutes: settings.idleLockMinutes,
  timeFormat: settings.timeFormat,
  refundApprovalThreshold: settings.refundApprovalThreshold,
  scheduleHorizonWeeks: settings.scheduleHorizonWeeks,
  likelyNoShowMinutes: settings.likelyNoShowMinutes,
  requiredPatientFields: settings.requiredPatientFields,
});
