import { Table, type TableTrProps } from '@mantine/core';
import type { KeyboardEventHandler, ReactNode } from 'react';

const numeric = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
const nowrap = { whiteSpace: 'nowrap' } as const;

export interface MoneyColumn<Row> {
  /** The column's heading. */
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /**
   * `money`: right-aligned tabular figures that never wrap; `rowHeader`: the row's own name (a
   * header cell, so a screen reader reads it with every other cell); `text` (the default): a plain cell.
   */
  kind?: 'text' | 'money' | 'rowHeader';
  /** Bold figures (a net or a balance), for every row or only some. */
  strong?: boolean | ((row: Row) => boolean);
  /** Keeps a text cell on one line (dates and times). */
  nowrap?: boolean;
}

/** Attributes of one body row; `data-*` ones included. */
export type MoneyRowProps = TableTrProps & { [data: `data-${string}`]: string | undefined };

interface MoneyTableProps<Row> {
  /** The table's accessible name. */
  label: string;
  /** Below this width the table scrolls sideways instead of squeezing its figures. */
  minWidth: number;
  columns: readonly MoneyColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  verticalSpacing?: number;
  highlightOnHover?: boolean;
  rowProps?: (row: Row) => MoneyRowProps;
  onBodyKeyDown?: KeyboardEventHandler<HTMLTableSectionElement>;
}

function HeadCell<Row>({ column }: { column: MoneyColumn<Row> }) {
  return (
    <Table.Th scope="col" ta={column.kind === 'money' ? 'right' : undefined}>
      {column.header}
    </Table.Th>
  );
}

function BodyCell<Row>({ column, row }: { column: MoneyColumn<Row>; row: Row }) {
  const content = column.cell(row);
  const style = column.nowrap ? nowrap : undefined;
  if (column.kind === 'rowHeader') {
    return (
      <Table.Th scope="row" fw={500} style={style}>
        {content}
      </Table.Th>
    );
  }
  if (column.kind !== 'money') return <Table.Td style={style}>{content}</Table.Td>;
  const strong = typeof column.strong === 'function' ? column.strong(row) : column.strong;
  return (
    <Table.Td ta="right" style={numeric} fw={strong ? 700 : undefined}>
      {content}
    </Table.Td>
  );
}

/** A table of figures: names on the left, money right-aligned, sideways scrolling when narrow. */
export function MoneyTable<Row>({
  label,
  minWidth,
  columns,
  rows,
  rowKey,
  verticalSpacing = 4,
  highlightOnHover,
  rowProps,
  onBodyKeyDown,
}: MoneyTableProps<Row>) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing={verticalSpacing} highlightOnHover={highlightOnHover} aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column, index) => (
              <HeadCell key={index} column={column} />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody onKeyDown={onBodyKeyDown}>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((column, index) => (
                <BodyCell key={index} column={column} row={row} />
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
