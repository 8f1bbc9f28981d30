import { Button, List } from '@mantine/core';
import { IconFileDownload } from '@tabler/icons-react';
import { saveBlob } from '../lib/download.ts';

/** A clinic's 24 recovery words, numbered in their order (which matters). */
export function RecoveryWords({ words, label }: { words: readonly string[]; label: string }) {
  return (
    <List type="ordered" aria-label={label} withPadding style={{ columns: 3 }} ff="monospace">
      {words.map((word, i) => (
        <List.Item key={`${i}-${word}`}>{word}</List.Item>
      ))}
    </List>
  );
}

/** Saves the printable recovery sheet main made with the words (a PDF, printed from the viewer). */
export function RecoverySheetButton({
  sheet,
  label,
}: {
  sheet: { fileName: string; pdfBase64: string };
  label: string;
}) {
  const save = () => {
    const bytes = Uint8Array.from(atob(sheet.pdfBase64), (c) => c.charCodeAt(0));
    saveBlob(sheet.fileName, new Blob([bytes], { type: 'application/pdf' }));
  };
  return (
    <Button variant="default" leftSection={<IconFileDownload size={16} aria-hidden />} onClick={save}>
      {label}
    </Button>
  );
}
