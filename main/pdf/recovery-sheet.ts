import { createElement as h, type ReactElement } from 'react';
import { Document, Page, Text, View, type DocumentProps } from '@react-pdf/renderer';
import { pdfStyles } from './styles.ts';

// The printable recovery sheet: a clinic's 24 recovery words, numbered, with what they are for.
// Rendered only when a key is made (first run, change of key) and handed to the admin once.

export const RECOVERY_SHEET_FILE_NAME = 'clinic-desk-recovery-words.pdf';

const SHEET_WORDS = {
  title: 'Clinic desk — recovery words',
  made: (when: string) => `Key made on ${when}.`,
  what: 'These 24 words are the key of the clinic’s encrypted data. With them the data opens on any computer; without them it cannot be opened if this computer’s keychain is lost.',
  keep: 'Keep this sheet somewhere safe, away from the computer: a locked drawer or a safe. Anyone with these words and the data file can read the data.',
  replaced:
    'When the key is changed under Admin, new words are made and these no longer open the current data (they still open backups made before the change).',
};

export function recoverySheetDocument(words: readonly string[], madeOn: string): ReactElement<DocumentProps> {
  const s = pdfStyles(words.join(' '));
  const columns = [0, 1, 2].map((c) => words.slice(c * 8, c * 8 + 8).map((word, i) => ({ n: c * 8 + i + 1, word })));
  return h(
    Document,
    { title: SHEET_WORDS.title },
    h(
      Page,
      { size: 'A4', style: s.page },
      h(Text, { style: s.title }, SHEET_WORDS.title),
      h(Text, { style: s.muted }, SHEET_WORDS.made(madeOn)),
      h(Text, { style: s.section }, SHEET_WORDS.what),
      h(
        View,
        { style: { flexDirection: 'row', marginVertical: 16 } },
        ...columns.map((column, c) =>
          h(
            View,
            { key: c, style: { flex: 1 } },
            ...column.map(({ n, word }) =>
              h(
                Text,
                { key: n, style: { fontSize: 14, paddingVertical: 4 } },
                `${String(n).padStart(2, ' ')}. ${word}`,
              ),
            ),
          ),
        ),
      ),
      h(Text, { style: s.section }, SHEET_WORDS.keep),
      h(Text, { style: s.footer }, SHEET_WORDS.replaced),
    ),
  );
}
