import { ActionIcon, Menu } from '@mantine/core';
import { IconKey, IconKeyboard, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { ChangePasswordDialog, useSignOut } from '../auth/index.ts';
import { frameStrings } from './strings.ts';

const strings = frameStrings.topBar;

export function UserMenu({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const signOut = useSignOut();
  const [changingPassword, setChangingPassword] = useState(false);
  return (
    <>
      <Menu position="bottom-end" width={220}>
        <Menu.Target>
          <ActionIcon variant="default" size="lg" aria-label={strings.accountMenu}>
            <IconUserCircle size={20} aria-hidden />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => setChangingPassword(true)}>
            {strings.changePassword}
          </Menu.Item>
          <Menu.Item leftSection={<IconKeyboard size={16} aria-hidden />} onClick={onShowShortcuts}>
            {strings.shortcuts}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => void signOut()}>
            {strings.signOut}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordDialog opened={changingPassword} onClose={() => setChangingPassword(false)} />
    </>
  );
}
