import type { ColumnType, Generated, Selectable } from 'kysely';
import type { CallOutcome, LedgerKind, PaymentMethod } from '#shared/statuses.ts';
import type { Flag } from './schema.ts';

// The tables the app adds beside the seed's (see schema.ts for the seed's nine and the columns
// added to them): ledger, receipts, cash drawer, waitlist, read markers, backups, app version.

/** added (0016): the app version that last migrated the database, from which PC and when */
export interface AppMetaTable {
  id: number;
  app_version: string;
  schema_version: string;
  migrated_by_host: string;
  migrated_at: string;
  confirmed_by: string | null;
}

/** added: how far each user has read each thread (unread = later messages from others) */
export interface ChatReadMarkersTable {
  chat_id: number;
  user_id: number;
  last_read_message_id: number;
  updated_at: string;
}

/** added: append-only money movements behind each payments row (minor units) */
export interface PaymentLedgerTable {
  entry_id: Generated<number>;
  payment_id: number;
  appointment_id: number;
  kind: LedgerKind;
  /** positive size of the movement; for an adjustment the signed change of the charge */
  amount_minor: number;
  currency: string;
  method: PaymentMethod | null;
  reference: string | null;
  reason: string | null;
  receipt_id: number | null;
  drawer_session_id: number | null;
  created_at: string;
  created_by: number | null;
}

/** added: issued receipts; receipt_id is the printed number and is never reused */
export interface ReceiptsTable {
  receipt_id: Generated<number>;
  kind: 'payment' | 'refund' | 'appointment';
  appointment_id: number;
  issued_at: string;
  issued_by: number | null;
  /** first print or save; later prints are marked "Copy" */
  printed_at: string | null;
}

/** added: a cashier's drawer from opening float to counted close */
export interface CashDrawerSessionsTable {
  session_id: Generated<number>;
  opened_at: string;
  opened_by: number | null;
  float_minor: number;
  closed_at: string | null;
  closed_by: number | null;
  counted_minor: number | null;
  expected_minor: number | null;
  difference_minor: number | null;
  note: string | null;
}

/** added: a patient waiting for a doctor or a specialization within a date range */
export interface WaitlistTable {
  waitlist_id: Generated<number>;
  patient_id: number;
  doctor_id: number | null;
  specialization: string | null;
  from_date: string;
  to_date: string;
  notes: string | null;
  status: ColumnType<
    'waiting' | 'booked' | 'removed',
    'waiting' | 'booked' | 'removed' | undefined,
    'waiting' | 'booked' | 'removed'
  >;
  appointment_id: number | null;
  created_by: number | null;
  created_at: string;
}

/** added: the backup schedule and folder (one row, id = 1) */
export interface BackupSettingsTable {
  id: ColumnType<1, 1 | undefined, never>;
  folder: string | null;
  daily_time: ColumnType<string, string | undefined, string>;
  keep_count: ColumnType<number, number | undefined, number>;
  enabled: ColumnType<Flag, Flag | undefined, Flag>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: string | null;
}

export type BackupKind = 'auto' | 'manual' | 'pre-restore' | 'cli';

/** added: every backup made, with its verification (a pruned file keeps its row, deleted_at set) */
export interface BackupsTable {
  backup_id: Generated<number>;
  file_name: string;
  path: string;
  created_at: string;
  size_bytes: number;
  kind: BackupKind;
  schema_version: string | null;
  row_counts_json: string | null;
  integrity_result: string | null;
  verified: 'ok' | 'failed';
  message: string | null;
  duration_ms: number;
  created_by: number | null;
  deleted_at: string | null;
}

export type BackupRow = Selectable<BackupsTable>;

/** added (0018): each weekly full check (integrity_check) of the live SQLite file */
export interface FullChecksTable {
  check_id: Generated<number>;
  started_at: string;
  finished_at: string | null;
  result: string | null;
  ok: Flag | null;
  host: string;
}

export type BackupSettingsRow = Selectable<BackupSettingsTable>;

/** added (0020): each confirmation call about an appointment; append-only, the latest is the current mark */
export interface AppointmentCallMarksTable {
  mark_id: Generated<number>;
  appointment_id: number;
  outcome: CallOutcome;
  /** what the patient said (for "cancelled", the cancellation reason) */
  note: string | null;
  marked_by: number;
  marked_at: string;
}

/** added (0021): a recurring series of visits: its rule, the desk's choice and the dates skipped */
export interface AppointmentSeriesTable {
  series_id: Generated<number>;
  patient_id: number;
  doctor_id: number;
  first_date: string;
  first_time: string;
  every: number;
  unit: 'days' | 'weeks';
  occurrence_count: number | null;
  until_date: string | null;
  mode: 'all_or_none' | 'skip_conflicts';
  /** JSON list of {index, date, time, reason} */
  skipped_json: string;
  created_by: number;
  created_at: string;
}

/** added (0019): a room or other resource (an ultrasound machine) that a type may need */
export interface ResourcesTable {
  resource_id: Generated<number>;
  name: string;
  kind: string;
  active: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
  updated_at: string;
}

/** added (0019): what is booked (length, colour, default fee in minor units, resource kind needed) */
export interface AppointmentTypesTable {
  appointment_type_id: Generated<number>;
  name: string;
  minutes: number;
  colour: string;
  default_fee_minor: number | null;
  needs_resource_kind: string | null;
  active: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
  updated_at: string;
}

/** added (0019): which doctors offer each type */
export interface AppointmentTypeDoctorsTable {
  appointment_type_id: number;
  doctor_id: number;
}

/** added (0019): a resource held by a live appointment, over its wall-clock span */
export interface ResourceBookingsTable {
  appointment_id: number;
  resource_id: number;
  booking_date: string;
  start_time: string;
  end_time: string;
}

/** added (0024): the patient field each spreadsheet header was last mapped to (null: left out) */
export interface PatientImportMappingsTable {
  header_key: string;
  field: string | null;
  updated_by: number;
  updated_at: string;
}

/** added (0024): one patient import from a spreadsheet, its counts and whether a cancel was asked */
export interface PatientImportsTable {
  import_id: Generated<number>;
  run_id: string;
  file_name: string;
  started_by: number;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'done' | 'cancelled' | 'failed';
  total_rows: number;
  processed_rows: ColumnType<number, number | undefined, number>;
  imported_count: ColumnType<number, number | undefined, number>;
  merged_count: ColumnType<number, number | undefined, number>;
  skipped_count: ColumnType<number, number | undefined, number>;
  cancel_requested_at: string | null;
}

/** added (0023): each merge of a duplicate patient into a kept one, with what its undo needs */
export interface PatientMergesTable {
  merge_id: Generated<number>;
  kept_patient_id: number;
  merged_patient_id: number;
  merged_by: number;
  merged_at: string;
  kept_before_json: string;
  merged_before_json: string;
  moved_json: string;
  after_digest: string;
  undone_at: string | null;
  undone_by: number | null;
}
