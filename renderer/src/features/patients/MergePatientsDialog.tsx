import { Alert, Button, Group, List, Modal, Radio, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState, type CSSProperties } from 'react';
import type { MergeField, MergeMoves, MergePreview } from '#contract/patient-merge.ts';
import { call } from '../../api/client.ts';
import { messageOf } from '../../api/errors.ts';
import { DialogButtons } from '../../ui/DialogButtons.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { useViewer } from '../../lib/use-desk-format.ts';
import { showMergedNotice } from './merge-notice.tsx';
import { patientKeys } from './patient-api.ts';
import { PatientCombobox } from './PatientCombobox.tsx';
import { patientsStrings } from './strings.ts';

const strings = patientsStrings.merge;
type MergeChoices = Partial<Record<MergeField, 'kept' | 'merged'>>;

const ROW: CSSProperties = { display: 'grid', gridTemplateColumns: '11rem 1fr 1fr', gap: 'var(--mantine-spacing-sm)' };

interface ChoiceTableProps {
  preview: MergePreview;
  choices: MergeChoices;
  onChoose: (field: MergeField, side: 'kept' | 'merged') => void;
}

/** Both records side by side: a pair of radios for each field that differs, the rest as text. */
function MergeChoiceTable({ preview, choices, onChoose }: ChoiceTableProps) {
  const { kept, merged } = preview;
  const shown = preview.fields.filter((f) => f.kept !== null || f.merged !== null);
  return (
    <Stack gap="xs" role="group" aria-label={strings.choicesLabel}>
      <div style={ROW} aria-hidden>
        <Text size="xs" c="dimmed" fw={600}>
          {strings.fieldHeading}
        </Text>
        <Text size="xs" c="dimmed" fw={600}>
          {strings.keptHeading(kept.patientNumber)}
        </Text>
        <Text size="xs" c="dimmed" fw={600}>
          {strings.mergedHeading(merged.patientNumber)}
        </Text>
      </div>
      {shown.map(({ field, kept: keptText, merged: mergedText, differs }) => {
        const label = strings.fields[field];
        const labelId = `merge-field-${field}`;
        if (!differs) {
          return (
            <div key={field} style={ROW}>
              <Text size="sm" fw={600}>
                {label}
              </Text>
              <Text size="sm" style={{ gridColumn: 'span 2', whiteSpace: 'pre-wrap' }}>
                {keptText} <Text span size="xs" c="dimmed">{`(${strings.same})`}</Text>
              </Text>
            </div>
          );
        }
        const chosen = choices[field] ?? 'kept';
        const option = (side: 'kept' | 'merged', text: string | null, number: string) => (
          <Radio
            name={`merge-${field}`}
            value={side}
            checked={chosen === side}
            onChange={() => onChoose(field, side)}
            label={text ?? strings.empty}
            aria-label={strings.valueLabel(label, text ?? strings.empty, number)}
            styles={{ label: { whiteSpace: 'pre-wrap' } }}
          />
        );
        return (
          <div key={field} role="radiogroup" aria-labelledby={labelId} style={ROW}>
            <Text id={labelId} size="sm" fw={600}>
              {label}
            </Text>
            {option('kept', keptText, kept.patientNumber)}
            {option('merged', mergedText, merged.patientNumber)}
          </div>
        );
      })}
    </Stack>
  );
}

function MovesSummary({ moves, keptNumber }: { moves: MergeMoves; keptNumber: string }) {
  const lines = (Object.keys(strings.movesList) as (keyof MergeMoves)[])
    .filter((key) => moves[key] > 0)
    .map((key) => strings.movesList[key](moves[key]));
  if (lines.length === 0) return <Text size="sm">{strings.nothingMoves}</Text>;
  return (
    <div>
      <Text size="sm" fw={600}>
        {strings.moves(keptNumber)}
      </Text>
      <List size="sm">
        {lines.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
    </div>
  );
}

function MergeStep({
  keptId,
  mergedId,
  onSwap,
  onDone,
  onMerged,
}: {
  keptId: number;
  mergedId: number;
  onSwap: () => void;
  onDone: () => void;
  onMerged: ((keptId: number) => void) | undefined;
}) {
  const queryClient = useQueryClient();
  const viewer = useViewer();
  const [choices, setChoices] = useState<MergeChoices>({});
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const preview = useQuery({
    queryKey: [...patientKeys.all, 'mergePreview', keptId, mergedId],
    queryFn: () => call('patients.mergePreview', { keptPatientId: keptId, mergedPatientId: mergedId }),
  });
  if (preview.isError) return <FormAlert title={strings.loadFailed}>{messageOf(preview.error)}</FormAlert>;
  if (!preview.data) {
    return (
      <Stack aria-busy="true" aria-label={strings.loading}>
        <Skeleton height={28} />
        <Skeleton height={160} />
      </Stack>
    );
  }
  const { kept, merged, moves } = preview.data;

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      const result = await call('patients.merge', {
        keptPatientId: keptId,
        mergedPatientId: mergedId,
        keptVersion: kept.version,
        mergedVersion: merged.version,
        choices,
      });
      // Visits, money, waitlist and threads all changed owner: every area refetches what it shows.
      void queryClient.invalidateQueries();
      showMergedNotice({
        mergeId: result.mergeId,
        keptNumber: kept.patientNumber,
        mergedNumber: merged.patientNumber,
        canUndo: viewer?.role === 'admin',
        onUndone: () => void queryClient.invalidateQueries(),
      });
      onDone();
      onMerged?.(keptId);
    } catch (caught) {
      setError(messageOf(caught));
      setSubmitting(false);
    }
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : null}
        <Group justify="space-between">
          <Text size="sm">
            {kept.name} · {kept.patientNumber}
          </Text>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconArrowsExchange size={14} aria-hidden />}
            onClick={onSwap}
          >
            {strings.swap}
          </Button>
        </Group>
        <MergeChoiceTable
          preview={preview.data}
          choices={choices}
          onChoose={(field, side) => setChoices((now) => ({ ...now, [field]: side }))}
        />
        <MovesSummary moves={moves} keptNumber={kept.patientNumber} />
        <Text size="sm">{strings.consequence(merged.patientNumber, kept.patientNumber)}</Text>
        <DialogButtons
          submitLabel={strings.submit}
          cancelLabel={strings.cancel}
          submitting={submitting}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

function MergeFlow({
  patientId,
  otherId,
  onDone,
  onMerged,
}: {
  patientId: number;
  otherId: number | undefined;
  onDone: () => void;
  onMerged: ((keptId: number) => void) | undefined;
}) {
  const [other, setOther] = useState<number | null>(otherId ?? null);
  const [swapped, setSwapped] = useState(false);
  const [pickError, setPickError] = useState<string | null>(null);
  if (other === null) {
    return (
      <PatientCombobox
        label={strings.chooseOther}
        description={strings.chooseOtherHint}
        error={pickError}
        data-autofocus
        onPick={(picked) => {
          if (picked.patientId === patientId) setPickError(strings.sameRecord);
          else setOther(picked.patientId);
        }}
      />
    );
  }
  const [keptId, mergedId] = swapped ? [other, patientId] : [patientId, other];
  return (
    <MergeStep
      keptId={keptId}
      mergedId={mergedId}
      onSwap={() => setSwapped((s) => !s)}
      onDone={onDone}
      onMerged={onMerged}
    />
  );
}

interface MergePatientsDialogProps {
  opened: boolean;
  onClose: () => void;
  /** The record the desk started from: kept unless they swap. */
  patientId: number;
  /** The duplicate, when the duplicate check already found it; otherwise the desk searches for it. */
  otherId?: number | undefined;
  /** After a merge (e.g. the patient page opens the kept record when its own was merged away). */
  onMerged?: (keptId: number) => void;
}

/** Merges a duplicate into the kept record, field by field, after showing what will move. */
export function MergePatientsDialog({ opened, onClose, patientId, otherId, onMerged }: MergePatientsDialogProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={strings.title} size="xl">
      {opened ? <MergeFlow patientId={patientId} otherId={otherId} onDone={onClose} onMerged={onMerged} /> : null}
    </Modal>
  );
}
