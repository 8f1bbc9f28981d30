import { ActionIcon, Box, Burger, Group, Text, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { Session, Settings } from '#contract/index.ts';
import { roleLabels } from '../../lib/strings.ts';
import { useLockNow } from '../auth/index.ts';
import { PatientSearch } from '../patients/index.ts';
import { ClinicClock } from './ClinicClock.tsx';
import { frameStrings } from './strings.ts';
import { ThemeToggle } from './ThemeToggle.tsx';
import { UserMenu } from './UserMenu.tsx';

const strings = frameStrings.topBar;

interface TopBarProps {
  session: Session;
  settings: Settings | undefined;
  clinicName: string;
  navOpened: boolean;
  onToggleNav: () => void;
  onShowShortcuts: () => void;
}

export function TopBar({ session, settings, clinicName, navOpened, onToggleNav, onShowShortcuts }: TopBarProps) {
  const lockNow = useLockNow();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group wrap="nowrap" gap="md" miw={0}>
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={navOpened ? strings.closeNavigation : strings.openNavigation}
        />
        <Text fw={700} truncate>
          {clinicName}
        </Text>
        {settings ? (
          <Box visibleFrom="xs">
            <ClinicClock timeZone={settings.timeZone} timeFormat={settings.timeFormat} />
          </Box>
        ) : null}
      </Group>
      <PatientSearch />
      <Group wrap="nowrap" gap="xs">
        <Box ta="right" visibleFrom="sm" mr="xs">
          <Text size="sm" fw={600} lh={1.2}>
            {session.user.name}
          </Text>
          <Text size="xs" c="dimmed" lh={1.2}>
            {roleLabels[session.user.role]}
          </Text>
        </Box>
        <ThemeToggle />
        <Tooltip label={strings.lockHint}>
          <ActionIcon variant="default" size="lg" aria-label={strings.lock} onClick={lockNow}>
            <IconLock size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <UserMenu onShowShortcuts={onShowShortcuts} />
      </Group>
    </Group>
  );
}
