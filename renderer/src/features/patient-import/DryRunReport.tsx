import { ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { ChannelOutput } from '#contract/index.ts';
import { patientImportStrings as strings } from './strings.ts';

type DryRun = ChannelOutput<'imports.dryRun'>;

/** A long list stops here on screen (thousands of table rows would slow the window); the report CSV has every row. */
const SHOWN_ROWS = 1000;

/** Every row the import would refuse, with its field, and every likely duplicate. */
export function DryRunReport({ result }: { result: DryRun }) {
  return (
    <Stack gap="sm" component="section" aria-label={strings.dryRun.title}>
      <Title order={2} size="h3">
        {strings.dryRun.title}
      </Title>
      <Text role="status">{strings.dryRun.summary(result.rowCount, result.refusedRows, result.duplicates.length)}</Text>
      <Title order={3} size="h4">
        {strings.dryRun.refusedTitle}
      </Title>
      {result.refused.length === 0 ? (
        <Text size="sm">{strings.dryRun.nothingRefused}</Text>
      ) : (
        <ScrollArea.Autosize mah={320} type="auto" viewportProps={{ tabIndex: 0 }}>
          <Table withTableBorder aria-label={strings.dryRun.refusedTitle}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{strings.dryRun.row}</Table.Th>
                <Table.Th scope="col">{strings.dryRun.field}</Table.Th>
                <Table.Th scope="col">{strings.dryRun.problem}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.refused.slice(0, SHOWN_ROWS).map((p, i) => (
                <Table.Tr key={`${p.row}-${p.field}-${i}`}>
                  <Table.Td>{p.row}</Table.Td>
                  <Table.Td>{strings.fieldLabel(p.field)}</Table.Td>
                  <Table.Td>{p.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {result.refused.length > SHOWN_ROWS ? (
        <Text size="sm">{strings.dryRun.more(SHOWN_ROWS, result.refused.length)}</Text>
      ) : null}
      <Title order={3} size="h4">
        {strings.dryRun.duplicatesTitle}
      </Title>
      {result.duplicates.length === 0 ? (
        <Text size="sm">{strings.dryRun.noDuplicates}</Text>
      ) : (
        <ScrollArea.Autosize mah={320} type="auto" viewportProps={{ tabIndex: 0 }}>
          <Table withTableBorder aria-label={strings.dryRun.duplicatesTitle}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{strings.dryRun.row}</Table.Th>
                <Table.Th scope="col">{strings.dryRun.name}</Table.Th>
                <Table.Th scope="col">{strings.dryRun.sameAs}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.duplicates.slice(0, SHOWN_ROWS).map((d) => (
                <Table.Tr key={d.row}>
                  <Table.Td>{d.row}</Table.Td>
                  <Table.Td>{d.name}</Table.Td>
                  <Table.Td>{d.patientNumber ?? strings.dryRun.sameAsRow(d.sameAsRow ?? 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      )}
      {result.duplicates.length > SHOWN_ROWS ? (
        <Text size="sm">{strings.dryRun.more(SHOWN_ROWS, result.duplicates.length)}</Text>
      ) : null}
    </Stack>
  );
}
