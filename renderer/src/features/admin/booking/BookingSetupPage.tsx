import { Button, ColorSwatch, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleOff } from '@tabler/icons-react';
import { useState } from 'react';
import type { AppointmentType, Resource } from '#contract/appointment-types.ts';
import { IconBadge } from '../../../ui/IconBadge.tsx';
import { ResourceDialog } from './ResourceDialog.tsx';
import { bookingSetupStrings as strings } from './strings.ts';
import { TypeDialog } from './TypeDialog.tsx';
import { useAllResources, useAllTypes, useDoctorsToChoose } from './use-booking-setup.ts';

/** What is being edited: a type or resource (null inside: a new one), or nothing. */
type Editing = { kind: 'type'; type: AppointmentType | null } | { kind: 'resource'; resource: Resource | null } | null;

/** Active or retired as a word and an icon (the word keeps full contrast), as the users list shows status. */
const StatusBadge = ({ active }: { active: boolean }) => (
  <IconBadge color={active ? 'green' : 'gray'} icon={active ? IconCircleCheck : IconCircleOff} size="md">
    {active ? strings.activeWord : strings.types.retired}
  </IconBadge>
);

function TypesSection({ onEdit }: { onEdit: (type: AppointmentType | null) => void }) {
  const types = useAllTypes();
  const doctors = useDoctorsToChoose();
  const nameOf = new Map((doctors.data ?? []).map((d) => [d.doctorId, d.name]));
  const rows = types.data ?? [];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {strings.types.title}
        </Title>
        <Button onClick={() => onEdit(null)}>{strings.types.add}</Button>
      </Group>
      <Text size="sm" c="dimmed">
        {strings.types.intro}
      </Text>
      {rows.length === 0 && !types.isPending ? <Text>{strings.types.none}</Text> : null}
      {rows.length > 0 ? (
        <Table aria-label={strings.types.tableLabel} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{strings.types.name}</Table.Th>
              <Table.Th>{strings.types.minutes}</Table.Th>
              <Table.Th>{strings.types.fee}</Table.Th>
              <Table.Th>{strings.types.needs}</Table.Th>
              <Table.Th>{strings.types.doctors}</Table.Th>
              <Table.Th>{strings.status}</Table.Th>
              <Table.Th>{strings.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((t) => (
              <Table.Tr key={t.appointmentTypeId}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <ColorSwatch color={t.colour} size={14} aria-hidden />
                    <Text size="sm">{t.name}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>{t.minutes}</Table.Td>
                <Table.Td>{t.defaultFee ?? strings.types.doctorFee}</Table.Td>
                <Table.Td>{t.needsResourceKind ?? '—'}</Table.Td>
                <Table.Td>{t.doctorIds.map((id) => nameOf.get(id) ?? `#${id}`).join(', ')}</Table.Td>
                <Table.Td>
                  <StatusBadge active={t.active} />
                </Table.Td>
                <Table.Td>
                  <Button variant="default" size="compact-sm" onClick={() => onEdit(t)}>
                    {strings.types.edit(t.name)}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

function ResourcesSection({ onEdit }: { onEdit: (resource: Resource | null) => void }) {
  const resources = useAllResources();
  const rows = resources.data ?? [];
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {strings.resources.title}
        </Title>
        <Button onClick={() => onEdit(null)}>{strings.resources.add}</Button>
      </Group>
      <Text size="sm" c="dimmed">
        {strings.resources.intro}
      </Text>
      {rows.length === 0 && !resources.isPending ? <Text>{strings.resources.none}</Text> : null}
      {rows.length > 0 ? (
        <Table aria-label={strings.resources.tableLabel} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{strings.resources.name}</Table.Th>
              <Table.Th>{strings.resources.kind}</Table.Th>
              <Table.Th>{strings.status}</Table.Th>
              <Table.Th>{strings.actions}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.resourceId}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{r.kind}</Table.Td>
                <Table.Td>
                  <StatusBadge active={r.active} />
                </Table.Td>
                <Table.Td>
                  <Button variant="default" size="compact-sm" onClick={() => onEdit(r)}>
                    {strings.resources.edit(r.name)}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

/** The admin's appointment types and rooms: two lists, each with an add and an edit dialog. */
export function BookingSetupPage() {
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);
  return (
    <Stack gap="xl">
      <TypesSection onEdit={(type) => setEditing({ kind: 'type', type })} />
      <ResourcesSection onEdit={(resource) => setEditing({ kind: 'resource', resource })} />
      <TypeDialog
        opened={editing?.kind === 'type'}
        type={editing?.kind === 'type' ? editing.type : null}
        onClose={close}
      />
      <ResourceDialog
        opened={editing?.kind === 'resource'}
        resource={editing?.kind === 'resource' ? editing.resource : null}
        onClose={close}
      />
    </Stack>
  );
}
