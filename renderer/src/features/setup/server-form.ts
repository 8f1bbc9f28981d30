import { z } from 'zod';
import {
  DEFAULT_PG_PORT,
  serverDetailsSchema,
  serverPortSchema,
  type ServerProbe,
  type ServerSummary,
} from '#contract/connection.ts';
import { databaseStrings as strings } from './strings.ts';

// The clinic server form: the contract's rules, with the port typed as text.

export const serverFormSchema = serverDetailsSchema.extend({
  port: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, strings.portInvalid)
    .transform(Number)
    .pipe(serverPortSchema),
});

export type ServerFormValues = z.input<typeof serverFormSchema>;

export const serverFieldNames = ['host', 'port', 'database', 'user', 'password', 'tls'] as const;

/** Empty, or the server remembered from last time (never its password). */
export function serverDefaults(remembered: ServerSummary | null): ServerFormValues {
  return {
    host: remembered?.host ?? '',
    port: String(remembered?.port ?? DEFAULT_PG_PORT),
    database: remembered?.database ?? 'clinic',
    user: remembered?.user ?? 'clinic',
    password: '',
    tls: remembered?.tls ?? true,
  };
}

export function probeMessage(probe: ServerProbe): string {
  if (probe.state === 'clinic') return strings.probeClinic(probe.version, probe.clinicName ?? '');
  if (probe.state === 'new') return strings.probeNew(probe.version);
  return strings.probeEmpty(probe.version);
}

export function serverLabel(server: ServerSummary): string {
  return `${server.database} @ ${server.host}:${server.port}`;
}
