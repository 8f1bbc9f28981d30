import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { StaffUser } from '#contract/index.ts';
import { messageOf } from '../../../api/errors.ts';
import { useSession } from '../../../api/session.ts';
import { FormAlert } from '../../../ui/FormAlert.tsx';
import { EditUserDialog } from './EditUserDialog.tsx';
import { NewUserDialog } from './NewUserDialog.tsx';
import { ResetPasswordDialog } from './ResetPasswordDialog.tsx';
import { StatusDialog } from './StatusDialog.tsx';
import { usersStrings as strings } from './strings.ts';
import { UserFiltersBar } from './UserFiltersBar.tsx';
import { UsersTable, UsersTableSkeleton } from './UsersTable.tsx';
import { useTargetDialog } from '../../../lib/use-target-dialog.ts';
import { NO_FILTERS, useStoredUserFilters, useUserList, type UserFilters } from './use-users.ts';

const isFiltered = (filters: UserFilters) =>
  filters.query !== NO_FILTERS.query || filters.role !== NO_FILTERS.role || filters.status !== NO_FILTERS.status;

function UserListBody({
  filters,
  currentUserId,
  onEdit,
  onResetPassword,
  onChangeStatus,
}: {
  filters: UserFilters;
  currentUserId: number;
  onEdit: (user: StaffUser) => void;
  onResetPassword: (user: StaffUser) => void;
  onChangeStatus: (user: StaffUser) => void;
}) {
  const list = useUserList(filters);
  if (list.isPending) return <UsersTableSkeleton />;
  if (list.isError && !list.data) return <FormAlert title={strings.loadFailed}>{messageOf(list.error)}</FormAlert>;
  if (list.data.length === 0) return <Text>{isFiltered(filters) ? strings.empty.filtered : strings.empty.none}</Text>;
  return (
    <UsersTable
      users={list.data}
      currentUserId={currentUserId}
      onEdit={onEdit}
      onResetPassword={onResetPassword}
      onChangeStatus={onChangeStatus}
    />
  );
}

export function UsersPage() {
  const currentUserId = useSession().data?.user.userId ?? 0;
  const [filters, setFilters] = useStoredUserFilters(currentUserId);
  const [creating, setCreating] = useState(false);
  const editing = useTargetDialog<StaffUser>();
  const resetting = useTargetDialog<StaffUser>();
  const changingStatus = useTargetDialog<StaffUser>();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            {strings.title}
          </Title>
          <Text c="dimmed" size="sm">
            {strings.intro}
          </Text>
        </div>
        <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
          {strings.newUser}
        </Button>
      </Group>
      <UserFiltersBar filters={filters} onChange={setFilters} />
      <UserListBody
        filters={filters}
        currentUserId={currentUserId}
        onEdit={editing.open}
        onResetPassword={resetting.open}
        onChangeStatus={changingStatus.open}
      />
      <NewUserDialog opened={creating} onClose={() => setCreating(false)} />
      <EditUserDialog user={editing.target} opened={editing.opened} onClose={editing.close} />
      <ResetPasswordDialog user={resetting.target} opened={resetting.opened} onClose={resetting.close} />
      <StatusDialog user={changingStatus.target} opened={changingStatus.opened} onClose={changingStatus.close} />
    </Stack>
  );
}
