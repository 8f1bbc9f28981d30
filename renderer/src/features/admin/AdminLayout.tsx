import { Stack, Tabs, Title } from '@mantine/core';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { adminStrings as strings } from './strings.ts';

const TABS = ['users', 'settings', 'booking', 'backups', 'audit', 'exports', 'import', 'this-pc'] as const;
type AdminTab = (typeof TABS)[number];

const isTab = (value: string | null): value is AdminTab => TABS.includes(value as AdminTab);

export function AdminLayout() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const current: AdminTab = TABS.find((tab) => pathname.startsWith(`/admin/${tab}`)) ?? 'users';
  return (
    <Stack gap="md">
      <Title order={1}>{strings.title}</Title>
      <Tabs
        value={current}
        keepMounted={false}
        onChange={(value) => {
          if (isTab(value)) void navigate(`/admin/${value}`);
        }}
      >
        <Tabs.List aria-label={strings.tabsLabel}>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {strings.tabs[tab]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((tab) => (
          <Tabs.Panel key={tab} value={tab} pt="md">
            {/* One routed screen only: the Outlet renders the current route wherever it is placed. */}
            {tab === current ? <Outlet /> : null}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
