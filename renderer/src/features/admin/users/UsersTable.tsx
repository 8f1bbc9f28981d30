import { Button, Group, Skeleton, Table, Text } from '@mantine/core';
import type { StaffUser } from '#contract/index.ts';
import { roleLabels } from '../../../lib/strings.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { usersStrings } from './strings.ts';
import { OrMissing } from '../../../ui/OrMissing.tsx';

const strings = usersStrings;

interface RowActions {
  onEdit: (user: StaffUser) => void;
  onResetPassword: (user: StaffUser) => void;
  onChangeStatus: (user: StaffUser) => void;
}

function statusAction(user: StaffUser): { text: string; label: string } {
  const { actions } = strings;
  if (user.status === 'active') return { text: actions.deactivate, label: actions.deactivateLabel(user.name) };
  if (user.status === 'inactive') return { text: actions.reactivate, label: actions.reactivateLabel(user.name) };
  return { text: actions.clearLockout, label: actions.clearLockoutLabel(user.name) };
}

function UserRow({ user, isSelf, ...actions }: { user: StaffUser; isSelf: boolean } & RowActions) {
  const status = statusAction(user);
  return (
    <Table.Tr>
      <Table.Td fw={600}>
        {user.name}
        {isSelf ? (
          <Text span c="dimmed" size="sm" ml={6}>
            {strings.table.you}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>{user.email}</Table.Td>
      <Table.Td>
        <OrMissing value={user.phone} />
      </Table.Td>
      <Table.Td>{roleLabels[user.role]}</Table.Td>
      <Table.Td>
        <StatusBadge status={user.status} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end" role="group" aria-label={strings.table.actions}>
          <Button
            size="compact-sm"
            variant="subtle"
            aria-label={strings.actions.editLabel(user.name)}
            onClick={() => actions.onEdit(user)}
          >
            {strings.actions.edit}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            aria-label={strings.actions.resetPasswordLabel(user.name)}
            onClick={() => actions.onResetPassword(user)}
          >
            {strings.actions.resetPassword}
          </Button>
          {isSelf ? null : (
            <Button
              size="compact-sm"
              variant="subtle"
              color={user.status === 'active' ? 'red' : undefined}
              aria-label={status.label}
              onClick={() => actions.onChangeStatus(user)}
            >
              {status.text}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function Head() {
  const { table } = strings;
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col">{table.name}</Table.Th>
        <Table.Th scope="col">{table.email}</Table.Th>
        <Table.Th scope="col">{table.phone}</Table.Th>
        <Table.Th scope="col">{table.role}</Table.Th>
        <Table.Th scope="col">{table.status}</Table.Th>
        <Table.Th scope="col" ta="right">
          {table.actions}
        </Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

interface UsersTableProps extends RowActions {
  users: StaffUser[];
  currentUserId: number;
}

export function UsersTable({ users, currentUserId, ...actions }: UsersTableProps) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="xs" highlightOnHover aria-label={strings.table.caption}>
        <Head />
        <Table.Tbody>
          {users.map((user) => (
            <UserRow key={user.userId} user={user} isSelf={user.userId === currentUserId} {...actions} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function UsersTableSkeleton() {
  return (
    <Table aria-busy="true">
      <Head />
      <Table.Tbody>
        {[0, 1, 2, 3, 4].map((row) => (
          <Table.Tr key={row}>
            {[0, 1, 2, 3, 4, 5].map((cell) => (
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
