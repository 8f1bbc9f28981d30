import { Group, NativeSelect, Radio, Stack, Table, Title } from '@mantine/core';
import {
  DATE_ORDERS,
  DUPLICATE_CHOICES,
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type DateOrder,
  type DuplicateChoice,
  type ImportField,
} from '#contract/patient-import.ts';
import { patientImportStrings as strings } from './strings.ts';

const LEAVE_OUT = '';

const fieldOptions = [
  { value: LEAVE_OUT, label: strings.mapping.leaveOut },
  ...IMPORT_FIELDS.map((field) => ({
    value: field,
    label: `${strings.fieldLabel(field)}${REQUIRED_IMPORT_FIELDS.includes(field) ? ` ${strings.mapping.required}` : ''}`,
  })),
];

const isField = (value: string): value is ImportField => (IMPORT_FIELDS as readonly string[]).includes(value);

export interface MappingChoice {
  columns: (ImportField | null)[];
  dateOrder: DateOrder;
  duplicates: DuplicateChoice;
}

interface ColumnMappingProps {
  headers: readonly string[];
  choice: MappingChoice;
  disabled: boolean;
  onChange: (choice: MappingChoice) => void;
}

/** One row per column of the file: the patient field it fills (pre-filled by main), or left out. */
export function ColumnMapping({ headers, choice, disabled, onChange }: ColumnMappingProps) {
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">
        {strings.mapping.title}
      </Title>
      <Table withTableBorder maw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{strings.mapping.column}</Table.Th>
            <Table.Th scope="col">{strings.mapping.field}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {headers.map((header, index) => (
            <Table.Tr key={`${index}-${header}`}>
              <Table.Th scope="row" fw={500}>
                {header}
              </Table.Th>
              <Table.Td>
                <NativeSelect
                  aria-label={strings.mapping.fieldFor(header)}
                  data={fieldOptions}
                  disabled={disabled}
                  value={choice.columns[index] ?? LEAVE_OUT}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    const columns = choice.columns.map((field, i) =>
                      i === index ? (isField(value) ? value : null) : field,
                    );
                    onChange({ ...choice, columns });
                  }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-start" gap="xl">
        <NativeSelect
          label={strings.mapping.dateOrder}
          w={220}
          disabled={disabled}
          data={DATE_ORDERS.map((order) => ({ value: order, label: strings.mapping.dateOrders[order] }))}
          value={choice.dateOrder}
          onChange={(event) => {
            const value = DATE_ORDERS.find((order) => order === event.currentTarget.value);
            if (value) onChange({ ...choice, dateOrder: value });
          }}
        />
        <Radio.Group
          label={strings.mapping.duplicates}
          value={choice.duplicates}
          onChange={(value) => {
            const duplicates = DUPLICATE_CHOICES.find((c) => c === value);
            if (duplicates) onChange({ ...choice, duplicates });
          }}
        >
          <Stack gap={6} mt={6}>
            {DUPLICATE_CHOICES.map((c) => (
              <Radio key={c} value={c} label={strings.mapping.duplicateChoices[c]} disabled={disabled} />
            ))}
          </Stack>
        </Radio.Group>
      </Group>
    </Stack>
  );
}
