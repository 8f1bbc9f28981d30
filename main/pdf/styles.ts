import { StyleSheet } from '@react-pdf/renderer';
import { pdfFontFamily } from './fonts.ts';

/**
 * Shared styles of receipts and reports: A4/A5, quiet, printable in black and white.
 * `text`: everything the document prints (e.g. its data as JSON), to pick the fonts it needs.
 */
export function pdfStyles(text?: string) {
  const fontFamily = pdfFontFamily(text);
  const bold = { fontFamily, fontWeight: 'bold' as const };
  return StyleSheet.create({
    page: { fontFamily, fontSize: 10, padding: 36, color: '#111' },
    header: { flexDirection: 'row', justifyContent: 'space-between', marginBottom: 14 },
    clinic: { ...bold, fontSize: 14 },
    muted: { color: '#555' },
    title: { ...bold, fontSize: 16, marginBottom: 4 },
    copy: { ...bold, fontSize: 12, color: '#a00', borderWidth: 1, borderColor: '#a00', padding: 3 },
    section: { marginTop: 10, marginBottom: 4 },
    sectionTitle: { ...bold, fontSize: 11, marginBottom: 4 },
    row: { flexDirection: 'row', paddingVertical: 2 },
    label: { width: 130, color: '#555' },
    value: { flex: 1 },
    bold,
    tableHead: { flexDirection: 'row', borderBottomWidth: 1, borderColor: '#999', paddingBottom: 2, ...bold },
    tableRow: { flexDirection: 'row', borderBottomWidth: 0.5, borderColor: '#ddd', paddingVertical: 2 },
    cell: { flex: 1, paddingRight: 4 },
    wide: { flex: 2, paddingRight: 4 },
    amount: { flex: 1, textAlign: 'right' },
    totalRow: { flexDirection: 'row', borderTopWidth: 1, borderColor: '#111', paddingTop: 3, marginTop: 2, ...bold },
    footer: { marginTop: 18, fontSize: 8, color: '#555' },
  });
}
