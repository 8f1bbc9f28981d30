import { Button, FileInput, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { REQUIRED_IMPORT_FIELDS, type ImportField } from '#contract/patient-import.ts';
import type { ChannelOutput } from '#contract/index.ts';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { downloadText } from '../../lib/download.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { ColumnMapping, type MappingChoice } from './ColumnMapping.tsx';
import { DryRunReport } from './DryRunReport.tsx';
import { importFileOf, type ImportFile } from './file-content.ts';
import { PreviewTable } from './PreviewTable.tsx';
import { patientImportStrings as strings } from './strings.ts';
import { useImportRun } from './use-import-run.ts';

interface ChosenFile {
  /** Bumped for every file chosen: the preview's cache key, instead of the whole content. */
  token: number;
  file: ImportFile;
  read: ChannelOutput<'imports.read'>;
}

const mappedFields = (columns: readonly (ImportField | null)[]): ImportField[] =>
  columns.filter((field): field is ImportField => field !== null);

/** A mapping main would take: every required field once, no field twice. */
function mappingReady(columns: readonly (ImportField | null)[]): boolean {
  const fields = mappedFields(columns);
  return new Set(fields).size === fields.length && REQUIRED_IMPORT_FIELDS.every((f) => fields.includes(f));
}

/** Admin → Import patients: choose a CSV, map its columns, preview, dry run, then import with progress. */
export function PatientImportPage() {
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [choice, setChoice] = useState<MappingChoice>({ columns: [], dateOrder: 'dmy', duplicates: 'skip' });
  const importRun = useImportRun();

  const reading = useMutation({
    mutationFn: async (picked: File) => {
      const file = await importFileOf(picked);
      return { file, read: await call('imports.read', { file }) };
    },
    onSuccess: ({ file, read }) => {
      setChosen((current) => ({ token: (current?.token ?? 0) + 1, file, read }));
      setChoice((current) => ({ ...current, columns: read.columns as (ImportField | null)[] }));
      dryRun.reset();
      importRun.reset();
    },
  });

  const ready = chosen !== null && mappingReady(choice.columns);
  const mapped = chosen ? { file: chosen.file, columns: choice.columns, dateOrder: choice.dateOrder } : null;
  const preview = useQuery({
    queryKey: ['imports.preview', chosen?.token, choice.columns, choice.dateOrder],
    queryFn: () => (mapped ? call('imports.preview', mapped) : Promise.reject(new Error('no file'))),
    enabled: ready,
  });
  const dryRun = useMutation({
    mutationFn: () => (mapped ? call('imports.dryRun', mapped) : Promise.reject(new Error('no file'))),
  });

  function changeMapping(next: MappingChoice) {
    setChoice(next);
    if (next.columns !== choice.columns || next.dateOrder !== choice.dateOrder) dryRun.reset();
  }

  const running = importRun.run !== null;
  const result = importRun.result;

  return (
    <Stack gap="lg" maw={1100}>
      <Text>{strings.intro}</Text>
      <FileInput
        label={strings.file.label}
        accept=".csv,text/csv,text/plain"
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        maw={420}
        disabled={running}
        error={reading.error ? messageOf(reading.error) : undefined}
        onChange={(picked) => {
          if (picked) reading.mutate(picked);
        }}
      />
      {chosen ? (
        <Text size="sm" c="dimmed">
          {strings.file.read(chosen.read.rowCount, chosen.read.encoding, chosen.read.delimiter)}
        </Text>
      ) : null}
      {chosen ? (
        <ColumnMapping headers={chosen.read.headers} choice={choice} disabled={running} onChange={changeMapping} />
      ) : null}
      {chosen && ready ? (
        <PreviewTable fields={mappedFields(choice.columns)} rows={preview.data?.rows} loading={preview.isFetching} />
      ) : null}
      {preview.error ? <FormAlert>{messageOf(preview.error)}</FormAlert> : null}
      {chosen && !result ? (
        <Group>
          <Button
            variant="default"
            disabled={!ready || running}
            loading={dryRun.isPending}
            onClick={() => dryRun.mutate()}
          >
            {strings.dryRun.button}
          </Button>
          <Button
            disabled={!dryRun.data || running}
            loading={running}
            onClick={() => {
              if (mapped) importRun.start({ ...mapped, duplicates: choice.duplicates, total: chosen.read.rowCount });
            }}
          >
            {strings.run.button}
          </Button>
        </Group>
      ) : null}
      {dryRun.error ? <FormAlert>{messageOf(dryRun.error)}</FormAlert> : null}
      {importRun.run ? (
        <Stack gap="xs" maw={640}>
          <Progress
            value={importRun.run.total > 0 ? Math.round((100 * importRun.run.done) / importRun.run.total) : 0}
            aria-label={strings.run.progressLabel}
            animated
          />
          <Group justify="space-between">
            <Text size="sm" role="status">
              {importRun.run.cancelling
                ? strings.run.cancelling
                : strings.run.progress(importRun.run.done, importRun.run.total)}
            </Text>
            <Button
              color="red"
              variant="light"
              disabled={importRun.run.cancelling}
              onClick={() => void importRun.cancel()}
            >
              {strings.run.cancel}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {importRun.error ? <FormAlert>{messageOf(importRun.error)}</FormAlert> : null}
      {result ? (
        <Paper withBorder p="md" maw={640}>
          <Stack gap="sm">
            <Text fw={600} role="status">
              {strings.run.done(result.imported, result.merged, result.skipped)}
            </Text>
            {result.status === 'cancelled' ? <Text size="sm">{strings.run.cancelled}</Text> : null}
            <Group>
              <Button
                leftSection={<IconDownload size={16} aria-hidden />}
                onClick={() => downloadText(result.report.fileName, result.report.content, result.report.mimeType)}
              >
                {strings.run.report}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      {dryRun.data && !result ? <DryRunReport result={dryRun.data} /> : null}
    </Stack>
  );
}
