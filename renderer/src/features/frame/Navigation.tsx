import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import type { StaffRole } from '#contract/fields.ts';
import { UnreadNavBadge } from '../messages/index.ts';
import { navItemsFor } from './nav-items.ts';
import { frameStrings } from './strings.ts';

export function Navigation({ role, onNavigate }: { role: StaffRole; onNavigate: () => void }) {
  const { pathname } = useLocation();
  return (
    <Stack component="nav" aria-label={frameStrings.nav.label} gap={4} p="sm">
      {navItemsFor(role).map((item) => {
        const active = pathname === item.path || pathname.startsWith(`${item.path}/`);
        return (
          <NavLink
            key={item.path}
            component={Link}
            to={item.path}
            label={item.label}
            leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
            rightSection={item.path === '/messages' ? <UnreadNavBadge /> : undefined}
            active={active}
            aria-current={active ? 'page' : undefined}
            onClick={onNavigate}
            variant="filled"
          />
        );
      })}
    </Stack>
  );
}
