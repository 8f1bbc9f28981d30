import './grid/schedule-grid.css';
import { Stack, Tabs, Title } from '@mantine/core';
import type { ComponentType } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { GridSkeleton } from './GridSkeleton.tsx';
import { useScheduleRights } from '../../lib/schedule-rights.ts';
import { useScheduleLiveUpdates } from '../../api/schedule.ts';
import { calendarStrings as strings } from './strings.ts';
import { useClinicToday } from '../../lib/use-clinic-today.ts';

const TABS = ['day', 'week', 'my-day', 'doctors'] as const;
type CalendarTab = (typeof TABS)[number];

const TAB_LABELS: Record<CalendarTab, string> = {
  day: strings.tabs.day,
  week: strings.tabs.week,
  'my-day': strings.tabs.myDay,
  doctors: strings.tabs.doctors,
};

const isTab = (value: string | null): value is CalendarTab => TABS.includes(value as CalendarTab);

function currentTab(pathname: string): CalendarTab {
  const segment = pathname.split('/')[2] ?? '';
  return isTab(segment) ? segment : 'day';
}

/** The Calendar area: Day, Week, My day (doctors only) and Doctors, as tabs over routes. */
export function CalendarLayout() {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const { isDoctor } = useScheduleRights();
  useScheduleLiveUpdates();
  const tabs = TABS.filter((tab) => tab !== 'my-day' || isDoctor);
  const current = currentTab(pathname);
  return (
    <Stack gap="md">
      <Title order={1}>{strings.title}</Title>
      <Tabs
        value={current}
        keepMounted={false}
        onChange={(value) => {
          // The date travels between the date views; the doctors area has none.
          if (isTab(value)) void navigate(`/calendar/${value}${value === 'doctors' ? '' : search}`);
        }}
      >
        <Tabs.List aria-label={strings.tabsLabel}>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {TAB_LABELS[tab]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab} value={tab} pt="md">
            {/* One routed screen only: the Outlet renders the current route wherever it is placed. */}
            {tab === current ? <Outlet /> : null}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

/** Doctors start on their own day; everyone else on the day view. */
export function CalendarIndex({ isDoctor }: { isDoctor: boolean }) {
  // The role comes from the signed-in user the routes were built for, never from a query still loading.
  return <Navigate to={isDoctor ? 'my-day' : 'day'} replace />;
}

/** A date view, once the clinic's today is known (it needs the clinic's time zone). */
export function WithToday({ view: View }: { view: ComponentType<{ today: string }> }) {
  const today = useClinicToday();
  return today ? <View today={today} /> : <GridSkeleton />;
}
