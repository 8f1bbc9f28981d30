import { createElement as h, type ReactElement } from 'react';
import { Document, Page, Text, View, type DocumentProps } from '@react-pdf/renderer';
import { dayListWords as words, longDate } from './day-list-strings.ts';
import { pdfStyles } from './styles.ts';

/** One appointment line of a day list, already formatted. Type and room are null when not known. */
export interface DayListRow {
  time: string;
  endTime: string;
  patientName: string;
  patientNumber: string;
  type: string | null;
  room: string | null;
  phone: string | null;
}

export interface DayListData {
  clinicName: string;
  clinicAddress: string | null;
  date: string;
  printedAt: string;
  /** True for the whole clinic's list: every doctor, each on its own page. */
  wholeClinic: boolean;
  doctors: { name: string; specialization: string; rows: DayListRow[] }[];
}

const COLUMNS = { time: 68, patient: 150, type: 70, room: 55, phone: 80 } as const;

/** An A4 list per doctor, in time order, with an empty notes column ruled to write on. */
export function dayListDocument(data: DayListData): ReactElement<DocumentProps> {
  const s = pdfStyles(JSON.stringify(data));
  const cell = (width: number, text: string, key: string) => h(Text, { style: { width, paddingRight: 4 }, key }, text);
  const notes = h(View, { style: { flex: 1 }, key: 'n' });
  const head = h(
    View,
    { style: s.tableHead, fixed: true },
    cell(COLUMNS.time, words.time, 'time'),
    cell(COLUMNS.patient, words.patient, 'patient'),
    cell(COLUMNS.type, words.type, 'type'),
    cell(COLUMNS.room, words.room, 'room'),
    cell(COLUMNS.phone, words.phone, 'phone'),
    h(Text, { style: { flex: 1 }, key: 'notes' }, words.notes),
  );
  const pages = data.doctors.length > 0 ? data.doctors : [{ name: words.allDoctors, specialization: '', rows: [] }];
  return h(
    Document,
    { title: `${words.title} ${data.date}`, author: data.clinicName },
    ...pages.map((doctor, page) =>
      h(
        Page,
        { size: 'A4', style: s.page, key: page },
        h(
          View,
          { style: s.header, fixed: true },
          h(
            View,
            null,
            h(Text, { style: s.clinic }, data.clinicName),
            data.clinicAddress ? h(Text, { style: s.muted }, data.clinicAddress) : null,
          ),
          h(Text, { style: s.muted }, words.printedAt(data.printedAt)),
        ),
        h(Text, { style: s.title }, `${words.title}: ${longDate(data.date)}`),
        h(
          Text,
          { style: [s.sectionTitle, { marginBottom: 8 }] },
          [doctor.name, doctor.specialization, words.count(doctor.rows.length)].filter(Boolean).join(' · '),
        ),
        doctor.rows.length === 0 ? h(Text, { style: s.muted }, words.noAppointments) : head,
        ...doctor.rows.map((row, i) =>
          h(
            View,
            // Each row ruled and tall enough to write a note by hand.
            {
              style: {
                flexDirection: 'row',
                paddingTop: 6,
                minHeight: 34,
                borderBottomWidth: 0.5,
                borderColor: '#999',
              },
              key: i,
              wrap: false,
            },
            cell(COLUMNS.time, `${row.time}–${row.endTime}`, 'time'),
            // Name and number on lines of their own: a right-to-left name never reorders the number.
            h(
              View,
              { style: { width: COLUMNS.patient, paddingRight: 4 }, key: 'patient' },
              h(Text, null, row.patientName),
              h(Text, { style: [s.muted, { fontSize: 8 }] }, row.patientNumber),
            ),
            cell(COLUMNS.type, row.type ?? '', 'type'),
            cell(COLUMNS.room, row.room ?? '', 'room'),
            cell(COLUMNS.phone, row.phone ?? '', 'phone'),
            notes,
          ),
        ),
      ),
    ),
  );
}
