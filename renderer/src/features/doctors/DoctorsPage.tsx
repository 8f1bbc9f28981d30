import { Anchor, Group, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck, IconCircleOff, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Doctor } from '#contract/schedule.ts';
import { messageOf } from '../../api/errors.ts';
import { useSettings } from '../../api/settings.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { IconBadge } from '../../ui/IconBadge.tsx';
import { formatMajorNumber } from '#shared/money.ts';
import { useDoctorList } from '../../api/schedule.ts';
import { doctorsStrings } from './strings.ts';

const strings = doctorsStrings.list;

export function BookingBadge({ available }: { available: boolean }) {
  const Icon = available ? IconCircleCheck : IconCircleOff;
  const color = available ? 'green' : 'yellow';
  return (
    <IconBadge color={color} icon={Icon}>
      {available ? strings.takingBookings : strings.notTakingBookings}
    </IconBadge>
  );
}

function Head() {
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{strings.name}</Table.Th>
        <Table.Th scope="col">{strings.specialization}</Table.Th>
        <Table.Th scope="col" ta="right">
          {strings.fee}
        </Table.Th>
        <Table.Th scope="col">{strings.bookings}</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

function DoctorRow({ doctor, currency }: { doctor: Doctor; currency: string }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/calendar/doctors/${doctor.doctorId}`} fw={600}>
            {doctor.name}
          </Anchor>
          {doctor.accountActive ? null : (
            <Text span size="xs" c="dimmed">
              {strings.accountInactive}
            </Text>
          )}
        </Group>
      </Table.Td>
      <Table.Td>{doctor.specialization}</Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {formatMajorNumber(doctor.consultationFee, currency)}
      </Table.Td>
      <Table.Td>
        <BookingBadge available={doctor.isAvailable} />
      </Table.Td>
    </Table.Tr>
  );
}

function ListBody({ query }: { query: string }) {
  const currency = useSettings().data?.currency ?? 'USD';
  const list = useDoctorList(query ? { query } : {});
  if (list.isPending) {
    return (
      <Table aria-busy="true">
        <Head />
        <Table.Tbody>
          {[0, 1, 2, 3].map((row) => (
            <Table.Tr key={row}>
              {[0, 1, 2, 3].map((cell) => (
                <Table.Td key={cell}>
                  <Skeleton height={14} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  }
  if (list.isError && !list.data) return <FormAlert title={strings.loadFailed}>{messageOf(list.error)}</FormAlert>;
  if (list.data.length === 0) return <Text>{query ? strings.emptyFiltered : strings.empty}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" highlightOnHover aria-label={strings.caption}>
        <Head />
        <Table.Tbody>
          {list.data.map((doctor) => (
            <DoctorRow key={doctor.doctorId} doctor={doctor} currency={currency} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Every doctor, searchable by name or specialization; each opens the doctor's page. */
export function DoctorsPage() {
  const [text, setText] = useState('');
  const [query] = useDebouncedValue(text.trim(), 250);
  return (
    <Stack gap="md">
      <div>
        <Title order={2} size="h3">
          {strings.title}
        </Title>
        <Text c="dimmed" size="sm">
          {strings.intro}
        </Text>
      </div>
      <TextInput
        label={strings.search}
        placeholder={strings.searchPlaceholder}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(event) => setText(event.currentTarget.value)}
        w={320}
      />
      <ListBody query={query} />
    </Stack>
  );
}
