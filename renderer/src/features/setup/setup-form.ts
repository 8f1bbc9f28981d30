import { z } from 'zod';
import { setupInputSchema } from '#contract/index.ts';
import { computerTimeZone, defaultCurrency } from '../../lib/choices.ts';
import { setupStrings } from './strings.ts';

export const setupFormSchema = setupInputSchema
  .extend({ confirmPassword: z.string() })
  .refine((v) => v.adminPassword === v.confirmPassword, { message: setupStrings.mismatch, path: ['confirmPassword'] });

export type SetupFormValues = z.input<typeof setupFormSchema>;

export const setupFieldNames = [
  'clinicName',
  'clinicAddress',
  'timeZone',
  'currency',
  'adminName',
  'adminEmail',
  'adminPassword',
] as const;

export function setupDefaults(): SetupFormValues {
  return {
    clinicName: '',
    clinicAddress: '',
    timeZone: computerTimeZone(),
    currency: defaultCurrency(),
    adminName: '',
    adminEmail: '',
    adminPassword: '',
    confirmPassword: '',
  };
}
