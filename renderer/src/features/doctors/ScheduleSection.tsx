import { Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { messageOf } from '../../api/errors.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';

interface ScheduleSectionProps<Row> {
  /** The id of the heading that names the section. */
  titleId: string;
  title: string;
  intro: string;
  /** The add buttons, for those who may change the schedule. */
  actions: ReactNode;
  list: { isPending: boolean; data: Row[] | undefined; error: unknown };
  loadFailed: string;
  empty: string;
  table: (rows: Row[]) => ReactNode;
  /** Dialogs the section opens. */
  children?: ReactNode;
}

/** A card of the doctor page listing schedule rules (weekly templates, leave and extra sessions). */
export function ScheduleSection<Row>(props: ScheduleSectionProps<Row>) {
  const { list } = props;
  let body;
  if (list.isPending) body = <Skeleton height={80} />;
  else if (!list.data) body = <FormAlert title={props.loadFailed}>{messageOf(list.error)}</FormAlert>;
  else if (list.data.length === 0) body = <Text>{props.empty}</Text>;
  else body = props.table(list.data);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={props.titleId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4" id={props.titleId}>
              {props.title}
            </Title>
            <Text size="sm" c="dimmed">
              {props.intro}
            </Text>
          </div>
          {props.actions}
        </Group>
        {body}
      </Stack>
      {props.children}
    </Paper>
  );
}

interface ScheduleTableProps {
  caption: string;
  minWidth: number;
  /** The column headings, left to right. */
  columns: string[];
  /** The heading of the right-aligned actions column, when there is one. */
  actions: string | null;
  /** The body rows. */
  children: ReactNode;
}

/** The table of a schedule section: headings, and an actions column for those who may change it. */
export function ScheduleTable({ caption, minWidth, columns, actions, children }: ScheduleTableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table aria-label={caption} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column} scope="col">
                {column}
              </Table.Th>
            ))}
            {actions === null ? null : (
              <Table.Th scope="col" ta="right">
                {actions}
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
