import { createElement as h, type ReactElement } from 'react';
import { Document, Page, Text, View, type DocumentProps } from '@react-pdf/renderer';
import { cardWords as words, longDate } from './day-list-strings.ts';
import { pdfStyles } from './styles.ts';

export interface AppointmentCardData {
  clinicName: string;
  clinicAddress: string | null;
  patientName: string;
  doctorName: string;
  specialization: string;
  date: string;
  time: string;
}

/** A7 landscape (105 × 74 mm) in PDF points: a card to hand over or slip into a wallet. */
const CARD_SIZE = { width: (105 / 25.4) * 72, height: (74 / 25.4) * 72 };

export function appointmentCardDocument(data: AppointmentCardData): ReactElement<DocumentProps> {
  const s = pdfStyles(JSON.stringify(data));
  const line = (label: string, value: string, bold = false) =>
    h(
      View,
      { style: s.row },
      h(Text, { style: [s.label, { width: 52 }] }, label),
      h(Text, { style: bold ? [s.value, s.bold] : s.value }, value),
    );
  return h(
    Document,
    { title: `${words.title} ${data.date} ${data.time}`, author: data.clinicName },
    h(
      Page,
      { size: CARD_SIZE, style: { ...s.page, padding: 14 } },
      h(Text, { style: [s.clinic, { fontSize: 12 }] }, data.clinicName),
      data.clinicAddress ? h(Text, { style: [s.muted, { fontSize: 8 }] }, data.clinicAddress) : null,
      h(Text, { style: [s.sectionTitle, { marginTop: 8 }] }, words.title),
      line(words.patient, data.patientName),
      line(words.doctor, data.specialization ? `${data.doctorName} (${data.specialization})` : data.doctorName),
      line(words.date, longDate(data.date), true),
      line(words.time, data.time, true),
      h(Text, { style: { ...s.footer, marginTop: 8 } }, words.comeEarly),
      h(Text, { style: { ...s.footer, marginTop: 0 } }, words.cannotCome),
    ),
  );
}
