import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { AppointmentStatus, PaymentMethod, PaymentStatus } from '#shared/statuses.ts';
import type {
  AppMetaTable,
  AppointmentSeriesTable,
  AppointmentCallMarksTable,
  AppointmentTypeDoctorsTable,
  AppointmentTypesTable,
  BackupSettingsTable,
  BackupsTable,
  CashDrawerSessionsTable,
  ChatReadMarkersTable,
  FullChecksTable,
  PatientMergesTable,
  ResourceBookingsTable,
  ResourcesTable,
  PaymentLedgerTable,
  PatientImportMappingsTable,
  PatientImportsTable,
  ReceiptsTable,
  WaitlistTable,
} from './schema-added.ts';

/**
 * Kysely view of the clinic database. The nine seed tables keep the names and meaning of
 * `er-diagram.md`; columns marked "added" are ours. Booleans are stored as 0/1 integers
 * and times/dates as text (`HH:MM`, `YYYY-MM-DD`, UTC ISO-8601 timestamps) so the same
 * shapes work on SQLite and PostgreSQL.
 */
export type Role = 'admin' | 'receptionist' | 'doctor' | 'patient';
export type UserStatus = 'active' | 'inactive' | 'locked';
// The status and kind lists are the shared kernel's (the migrations' CHECKs keep frozen copies).
export type { AppointmentStatus, LedgerKind, PaymentMethod, PaymentStatus } from '#shared/statuses.ts';
export * from './schema-added.ts';
export type Flag = 0 | 1;

export interface UsersTable {
  user_id: Generated<number>;
  name: string;
  email: string | null;
  phone: string | null;
  password_hash: string | null;
  role: Role;
  status: ColumnType<UserStatus, UserStatus | undefined, UserStatus>;
  created_at: string;
  /** added: optimistic concurrency for forms */
  version: ColumnType<number, number | undefined, number>;
  /** added */
  updated_at: string | null;
  /** added: consecutive failed sign-ins, reset on success */
  failed_login_count: ColumnType<number, number | undefined, number>;
  /** added: lockout end (UTC ISO) while status = 'locked' */
  locked_until: string | null;
  /** added (0014): moved on by a trigger whenever role, status or password changes; ends older sessions */
  session_epoch: ColumnType<number, number | undefined, never>;
}

export interface PatientsTable {
  patient_id: number;
  /** added: always 'patient'; with the composite foreign key it ties the row to a patient user */
  user_role: ColumnType<'patient', 'patient' | undefined, never>;
  age: number | null;
  gender: string | null;
  medical_notes: string | null;
  /** added: kept when given; `age` is then derived from it for display */
  date_of_birth: string | null;
  /** added: optimistic concurrency for the patient form */
  version: ColumnType<number, number | undefined, number>;
  /** added (0022): demographics, all optional unless settings.required_patient_fields says so */
  address_line1: string | null;
  address_line2: string | null;
  city: string | null;
  postcode: string | null;
  country: string | null;
  id_number: string | null;
  /** 'national_id' | 'passport' | 'other' */
  id_kind: string | null;
  insurance_provider: string | null;
  insurance_member_number: string | null;
  /** a language code (BCP 47), e.g. 'si', 'fr-CA' */
  preferred_language: string | null;
  emergency_name: string | null;
  emergency_relation: string | null;
  emergency_phone: string | null;
  /** added (0022): another patient, never the patient themself */
  guardian_patient_id: number | null;
  /** added (0023): set on a tombstone, the record it was merged into */
  merged_into_patient_id: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface DoctorsTable {
  doctor_id: number;
  /** added: always 'doctor'; ties the row to a doctor user */
  user_role: ColumnType<'doctor', 'doctor' | undefined, never>;
  specialization: string;
  experience_years: number;
  consultation_fee: number;
  about: string | null;
  rating: number | null;
  is_available: ColumnType<Flag, Flag | undefined, Flag>;
  /** added: optimistic concurrency for the profile form */
  version: ColumnType<number, number | undefined, number>;
}

export interface DoctorAvailabilityTable {
  availability_id: Generated<number>;
  doctor_id: number;
  available_date: string;
  start_time: string;
  end_time: string;
  is_booked: ColumnType<Flag, Flag | undefined, Flag>;
  /** added: what made the slot */
  source: ColumnType<SlotSource, SlotSource | undefined, SlotSource>;
  /** added: set while the slot is blocked (meeting, lunch); a blocked slot cannot be booked */
  blocked_reason: string | null;
  blocked_by: number | null;
  /** added (0019): set while the slot is several joined slots, the length to split it back into */
  base_minutes: ColumnType<number | null, number | null | undefined, number | null>;
}

export type SlotSource = 'template' | 'extra' | 'manual' | 'walk_in';

/** added: a doctor's weekly rule (weekdays bit 0 = Sunday ... bit 6 = Saturday) */
export interface ScheduleTemplatesTable {
  template_id: Generated<number>;
  doctor_id: number;
  weekdays: number;
  start_time: string;
  end_time: string;
  slot_minutes: number;
  valid_from: string;
  valid_to: string | null;
  version: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

/** added: leave (whole or part days) and extra sessions */
export interface ScheduleExceptionsTable {
  exception_id: Generated<number>;
  doctor_id: number;
  kind: 'leave' | 'extra';
  start_date: string;
  end_date: string;
  start_time: string | null;
  end_time: string | null;
  slot_minutes: number | null;
  reason: string | null;
  created_by: number | null;
  created_at: string;
}

export interface AppointmentsTable {
  appointment_id: Generated<number>;
  doctor_id: number;
  patient_id: number;
  availability_id: number;
  appointment_date: string;
  appointment_time: string;
  status: ColumnType<AppointmentStatus, AppointmentStatus | undefined, AppointmentStatus>;
  created_at: string;
  /** added: set when leave was added over this booking and the desk chose to reschedule it */
  needs_reschedule_reason: string | null;
  /** added: who booked it */
  booked_by: number | null;
  /** added: set when the desk confirmed booking over the patient's other appointment */
  overlap_override_reason: string | null;
  /** added */
  is_walk_in: ColumnType<Flag, Flag | undefined, Flag>;
  /** added (0021): the recurring series it was booked in, else null */
  series_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** added (0019) */
  appointment_type_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** added (0019): the room or resource it uses */
  resource_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** added: every status step of a visit, with who and when (and undo steps) */
export interface AppointmentStatusHistoryTable {
  history_id: Generated<number>;
  appointment_id: number;
  from_status: AppointmentStatus | null;
  to_status: AppointmentStatus;
  reason: string | null;
  changed_by: number | null;
  changed_at: string;
  undoes_history_id: number | null;
}

export interface AppointmentReschedulesTable {
  reschedule_id: Generated<number>;
  appointment_id: number;
  old_date: string;
  old_time: string;
  new_date: string;
  new_time: string;
  reason: string | null;
  rescheduled_at: string;
  /** added */
  rescheduled_by: number | null;
  old_availability_id: number | null;
  new_availability_id: number | null;
}

export interface PaymentsTable {
  payment_id: Generated<number>;
  appointment_id: number;
  amount: number;
  payment_method: PaymentMethod | null;
  payment_status: ColumnType<PaymentStatus, PaymentStatus | undefined, PaymentStatus>;
  transaction_date: string | null;
}

export interface ChatsTable {
  chat_id: Generated<number>;
  doctor_id: number;
  patient_id: number;
  last_message: string | null;
  updated_at: string;
}

export interface ChatMessagesTable {
  message_id: Generated<number>;
  chat_id: number;
  sender_id: number;
  message_text: string;
  sent_at: string;
}

export type TimeFormat = '24h' | '12h';

/** added: one row (id = 1) of clinic-wide settings, created by first-run setup */
export interface SettingsTable {
  id: ColumnType<1, 1 | undefined, never>;
  clinic_name: string;
  clinic_address: string | null;
  time_zone: string;
  currency: string;
  default_slot_minutes: ColumnType<number, number | undefined, number>;
  idle_lock_minutes: ColumnType<number, number | undefined, number>;
  time_format: ColumnType<TimeFormat, TimeFormat | undefined, TimeFormat>;
  /** added: how far ahead slots are generated */
  schedule_horizon_weeks: ColumnType<number, number | undefined, number>;
  /** added: refunds above this (minor units of the currency) need an admin */
  refund_approval_threshold_minor: ColumnType<number, number | undefined, number>;
  /** added (0017): a patient still scheduled this many minutes after their time is a likely no-show */
  likely_no_show_minutes: ColumnType<number, number | undefined, number>;
  /** added (0022): a JSON list of the patient fields registration requires */
  required_patient_fields: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  updated_at: string;
}

/** added: append-only trail of every write (and later, sensitive reads) */
export interface AuditLogTable {
  audit_id: Generated<number>;
  at: string;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface Database {
  users: UsersTable;
  patients: PatientsTable;
  doctors: DoctorsTable;
  doctor_availability: DoctorAvailabilityTable;
  appointments: AppointmentsTable;
  appointment_reschedules: AppointmentReschedulesTable;
  payments: PaymentsTable;
  chats: ChatsTable;
  chat_messages: ChatMessagesTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  schedule_templates: ScheduleTemplatesTable;
  schedule_exceptions: ScheduleExceptionsTable;
  appointment_status_history: AppointmentStatusHistoryTable;
  waitlist: WaitlistTable;
  backup_settings: BackupSettingsTable;
  backups: BackupsTable;
  payment_ledger: PaymentLedgerTable;
  receipts: ReceiptsTable;
  cash_drawer_sessions: CashDrawerSessionsTable;
  chat_read_markers: ChatReadMarkersTable;
  app_meta: AppMetaTable;
  full_checks: FullChecksTable;
  patient_merges: PatientMergesTable;
  appointment_series: AppointmentSeriesTable;
  appointment_call_marks: AppointmentCallMarksTable;
  resources: ResourcesTable;
  appointment_types: AppointmentTypesTable;
  appointment_type_doctors: AppointmentTypeDoctorsTable;
  resource_bookings: ResourceBookingsTable;
  patient_import_mappings: PatientImportMappingsTable;
  patient_imports: PatientImportsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type DoctorRow = Selectable<DoctorsTable>;
export type SettingsRow = Selectable<SettingsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type SlotRow = Selectable<DoctorAvailabilityTable>;
export type TemplateRow = Selectable<ScheduleTemplatesTable>;
export type ExceptionRow = Selectable<ScheduleExceptionsTable>;

export const SEED_TABLES = [
  'users',
  'patients',
  'doctors',
  'doctor_availability',
  'appointments',
  'appointment_reschedules',
  'payments',
  'chats',
  'chat_messages',
] as const;
