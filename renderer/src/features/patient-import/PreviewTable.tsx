import { Loader, Group, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportField, PreviewRow } from '#contract/patient-import.ts';
import { patientImportStrings as strings } from './strings.ts';

interface PreviewTableProps {
  fields: readonly ImportField[];
  rows: readonly PreviewRow[] | undefined;
  loading: boolean;
}

/** The first rows exactly as they will be stored (text shown as text, whatever it starts with). */
export function PreviewTable({ fields, rows, loading }: PreviewTableProps) {
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {strings.preview.title}
      </Title>
      {loading && !rows ? (
        <Group gap="xs">
          <Loader size="sm" />
          <Text size="sm">{strings.preview.loading}</Text>
        </Group>
      ) : null}
      {rows ? (
        <ScrollArea type="auto" viewportProps={{ tabIndex: 0 }}>
          <Table withTableBorder striped aria-label={strings.preview.title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{strings.preview.row}</Table.Th>
                {fields.map((field) => (
                  <Table.Th key={field} scope="col">
                    {strings.fieldLabel(field)}
                  </Table.Th>
                ))}
                <Table.Th scope="col">{strings.preview.problems}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.row}>
                  <Table.Td>{row.row}</Table.Td>
                  {fields.map((field) => (
                    <Table.Td key={field} style={{ whiteSpace: 'pre-wrap' }}>
                      {row.values[field] ?? strings.preview.empty}
                    </Table.Td>
                  ))}
                  <Table.Td c={row.problems.length > 0 ? 'red.8' : undefined}>
                    {row.problems.length > 0
                      ? row.problems.map((p) => `${strings.fieldLabel(p.field)}: ${p.message}`).join(' ')
                      : strings.preview.none}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
      ) : null}
    </Stack>
  );
}
