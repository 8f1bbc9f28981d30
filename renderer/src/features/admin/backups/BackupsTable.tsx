import { Badge, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import type { Backup } from '#contract/operations.ts';
import { backupStrings as strings } from './strings.ts';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export const when = (iso: string): string =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The result as a word and an icon; colour is only a third signal (the word keeps full contrast). */
function VerifiedBadge({ ok }: { ok: boolean }) {
  const color = ok ? 'green' : 'red';
  const Icon = ok ? IconCircleCheck : IconCircleX;
  return (
    <Badge
      color={color}
      variant="outline"
      leftSection={<Icon size={14} aria-hidden color={`var(--mantine-color-${color}-filled)`} />}
      tt="none"
      size="md"
      styles={{ label: { color: 'var(--mantine-color-text)', fontWeight: 600 } }}
    >
      {ok ? strings.verifiedOk : strings.verifiedFailed}
    </Badge>
  );
}

export function BackupsTable({ backups, onRestore }: { backups: Backup[]; onRestore: (backup: Backup) => void }) {
  if (backups.length === 0) return <Text c="dimmed">{strings.empty}</Text>;
  return (
    <Table striped highlightOnHover aria-label={strings.listTitle}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{strings.columns.time}</Table.Th>
          <Table.Th>{strings.columns.kind}</Table.Th>
          <Table.Th>{strings.columns.size}</Table.Th>
          <Table.Th>{strings.columns.result}</Table.Th>
          <Table.Th>{strings.columns.file}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{strings.columns.actions}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => (
          <Table.Tr key={b.backupId}>
            <Table.Td>{when(b.createdAt)}</Table.Td>
            <Table.Td>{strings.kinds[b.kind] ?? b.kind}</Table.Td>
            <Table.Td>{formatBytes(b.sizeBytes)}</Table.Td>
            <Table.Td>
              <VerifiedBadge ok={b.verified === 'ok'} />
              {b.verified === 'failed' && b.message ? (
                <Text size="xs" c="red">
                  {b.message}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {b.fileName}
              </Text>
              {b.deleted ? (
                <Text size="xs" c="dimmed">
                  {strings.deleted}
                </Text>
              ) : null}
            </Table.Td>
            <Table.Td>
              {b.verified === 'ok' && !b.deleted ? (
                <Button
                  size="xs"
                  variant="light"
                  color="red"
                  aria-label={`${strings.restore} ${b.fileName}`}
                  onClick={() => onRestore(b)}
                >
                  {strings.restore}
                </Button>
              ) : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
