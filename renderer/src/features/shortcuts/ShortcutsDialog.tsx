import { Button, Group, Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import type { StaffRole } from '#contract/fields.ts';
import { navItemsFor } from '../frame/index.ts';
import { shortcutStrings as strings } from './strings.ts';

interface Row {
  keys: string[];
  /** Keys pressed one after the other ("G then D") rather than together ("Ctrl + L"). */
  sequence?: boolean;
  action: ReactNode;
}

function Keys({ keys, sequence }: Pick<Row, 'keys' | 'sequence'>) {
  return (
    <Group gap={6} wrap="nowrap">
      {keys.map((key, index) => (
        <Fragment key={key}>
          {index > 0 ? (
            <Text size="sm" c="dimmed">
              {sequence ? strings.then : '+'}
            </Text>
          ) : null}
          <Kbd>{key}</Kbd>
        </Fragment>
      ))}
    </Group>
  );
}

function rows(role: StaffRole): Row[] {
  return [
    { keys: ['Ctrl', 'L'], action: strings.lock },
    { keys: ['Ctrl', 'K'], action: strings.search },
    { keys: ['/'], action: strings.search },
    ...(role === 'doctor'
      ? []
      : [
          { keys: ['N'], action: strings.newAppointment },
          { keys: ['W'], action: strings.walkIn },
        ]),
    { keys: ['T'], action: strings.today },
    { keys: ['?'], action: strings.help },
    ...navItemsFor(role).map((item) => ({
      keys: ['G', item.key.toUpperCase()],
      sequence: true,
      action: strings.goTo[item.key],
    })),
    { keys: ['↑ / ↓'], action: strings.boardRows },
    ...(role === 'doctor' ? [] : [{ keys: ['Enter'], action: strings.boardNext }]),
    { keys: ['M'], action: strings.boardMenu },
    ...(role === 'doctor' ? [] : [{ keys: ['Enter'], action: strings.calendarSlot }]),
    { keys: ['↑ / ↓'], action: strings.paymentsRows },
    { keys: ['Enter'], action: strings.submit },
    { keys: ['Esc'], action: strings.close },
  ];
}

export function ShortcutsDialog({ opened, onClose, role }: { opened: boolean; onClose: () => void; role: StaffRole }) {
  return (
    <Modal opened={opened} onClose={onClose} title={strings.title}>
      <Stack>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{strings.keysColumn}</Table.Th>
              <Table.Th>{strings.actionColumn}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows(role).map((row, index) => (
              // A fixed list, where the same keys do different things on different screens.
              <Table.Tr key={index}>
                <Table.Td>
                  <Keys keys={row.keys} sequence={row.sequence} />
                </Table.Td>
                <Table.Td>{row.action}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed">
          {strings.note}
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose} data-autofocus>
            {strings.closeButton}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
