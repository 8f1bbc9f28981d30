import {
  IconCalendar,
  IconCash,
  IconLayoutDashboard,
  IconMessages,
  IconPhoneCall,
  IconSettings,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { StaffRole } from '#contract/fields.ts';
import { frameStrings } from './strings.ts';

export interface NavItem {
  path: string;
  label: string;
  icon: Icon;
  /** The second key of the "G then …" shortcut. */
  key: string;
  roles?: readonly StaffRole[];
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/front-desk', label: frameStrings.nav.frontDesk, icon: IconLayoutDashboard, key: 'd' },
  { path: '/calendar', label: frameStrings.nav.calendar, icon: IconCalendar, key: 'c' },
  { path: '/call-list', label: frameStrings.nav.callList, icon: IconPhoneCall, key: 'l' },
  { path: '/patients', label: frameStrings.nav.patients, icon: IconUsers, key: 'p' },
  { path: '/payments', label: frameStrings.nav.payments, icon: IconCash, key: 'y' },
  { path: '/messages', label: frameStrings.nav.messages, icon: IconMessages, key: 'm' },
  { path: '/admin', label: frameStrings.nav.admin, icon: IconSettings, key: 'a', roles: ['admin'] },
];

/** What this role may see: the rest is not shown at all (and main refuses it anyway). */
export const navItemsFor = (role: StaffRole): NavItem[] =>
  NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role));
