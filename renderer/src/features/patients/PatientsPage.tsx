import { Button, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { useSession } from '../../api/session.ts';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { usePatientSearch } from './patient-api.ts';
import { PatientResultsTable } from './PatientResultsTable.tsx';
import { RegisterPatientDialog } from './RegisterPatientDialog.tsx';
import { patientsStrings } from './strings.ts';

const strings = patientsStrings.list;
/** The most a search lists; typing more narrows it (main caps a search at 200). */
const LIST_LIMIT = 200;

function Results({ typed }: { typed: string }) {
  const search = usePatientSearch(typed, LIST_LIMIT);
  if (!typed.trim()) return <Text>{strings.empty}</Text>;
  if (search.isPending) return <Skeleton height={120} aria-busy="true" />;
  if (search.isError && !search.data)
    return <FormAlert title={strings.loadFailed}>{messageOf(search.error)}</FormAlert>;
  if (search.data.length === 0) return <Text>{strings.noResults}</Text>;
  return (
    <Stack gap="xs">
      <PatientResultsTable patients={search.data} busy={search.isFetching} />
      {search.data.length >= LIST_LIMIT ? (
        <Text size="sm" c="dimmed">
          {strings.capped(LIST_LIMIT)}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Find a patient by any part of their name, phone, email or number; register a new one. */
export function PatientsPage() {
  const role = useSession().data?.user.role;
  const [typed, setTyped] = useState('');
  const [registering, setRegistering] = useState(false);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{strings.title}</Title>
          <Text c="dimmed" size="sm">
            {strings.intro}
          </Text>
        </div>
        {role !== 'doctor' ? (
          <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setRegistering(true)}>
            {strings.register}
          </Button>
        ) : null}
      </Group>
      <TextInput
        role="searchbox"
        label={strings.search}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
        autoComplete="off"
        maw={420}
      />
      <Results typed={typed} />
      <RegisterPatientDialog opened={registering} typed={typed} onClose={() => setRegistering(false)} />
    </Stack>
  );
}
