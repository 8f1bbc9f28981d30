import { auditActionLabels, auditEntityLabels } from './strings.ts';

/** An action code in plain words; a code newer than this build reads as itself. */
export const actionWords = (action: string): string => auditActionLabels[action] ?? action;

/** A kind of record in plain words. */
export const entityWords = (entity: string): string => auditEntityLabels[entity] ?? entity;
