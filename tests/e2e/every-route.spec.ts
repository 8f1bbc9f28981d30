import type { Page } from '@playwright/test';
import { expect, test, watchErrors } from './fixtures.ts';
import {
  ADMIN,
  DOCTOR,
  dispatch,
  expectNoSeriousA11yViolations,
  RECEPTIONIST,
  setUpDeskClinic,
  signIn,
  type DeskClinic,
} from './desk-helpers.ts';

// Every screen of the app, as each role reaches it, in the light and the dark theme: axe finds
// nothing serious or critical, nothing reads "None" or "undefined", and no page throws.

let clinicData: DeskClinic;
let chatId: number;

test.beforeAll(async ({ clinics }, testInfo) => {
  const { core } = await clinics.for(testInfo.file);
  clinicData = await setUpDeskClinic(core);
  await dispatch(core, 'payments.take', {
    appointmentId: clinicData.movingAppointmentId,
    amount: '20.00',
    method: 'cash',
    reference: null,
  });
  const thread = await dispatch(core, 'messages.openThread', {
    doctorId: clinicData.doctorId,
    patientId: clinicData.patientIds.returning,
  });
  chatId = thread.chatId;
  await dispatch(core, 'messages.send', { chatId, text: 'Jane asks whether her results are back.' });
});

function routesFor(role: 'admin' | 'receptionist' | 'doctor'): string[] {
  const shared = [
    '/front-desk',
    '/calendar/day',
    '/calendar/week',
    '/calendar/doctors',
    `/calendar/doctors/${clinicData.doctorId}`,
    '/call-list',
    '/patients',
    `/patients/${clinicData.patientIds.moving}`,
    '/payments',
    `/payments/appointment/${clinicData.movingAppointmentId}`,
    '/payments/report',
    '/messages',
    `/messages/${chatId}`,
    '/no-such-page',
  ];
  if (role === 'admin')
    return [
      ...shared,
      '/admin/users',
      '/admin/settings',
      '/admin/booking',
      '/admin/backups',
      '/admin/audit',
      '/admin/exports',
      '/admin/import',
      '/admin/this-pc',
    ];
  if (role === 'doctor') return [...shared, '/calendar/my-day'];
  return shared;
}

/** Waits until the route has drawn its content: no loading skeleton or spinner left. */
async function settle(page: Page): Promise<void> {
  await expect(page.locator('main')).toBeVisible();
  await expect(page.locator('[aria-busy="true"], .mantine-Skeleton-root, .mantine-Loader-root')).toHaveCount(0);
}

async function visitEveryRoute(page: Page, url: string, role: 'admin' | 'receptionist' | 'doctor', theme: string) {
  for (const route of routesFor(role)) {
    await page.goto(`${url}#${route}`);
    await settle(page);
    const screen = `${role} ${route} (${theme})`;
    await expectNoSeriousA11yViolations(page, screen);
    const text = await page.locator('body').innerText();
    expect(text, `${screen} shows a raw value`).not.toMatch(/\b(None|undefined|null|NaN)\b/);
  }
}

const people = [
  { role: 'admin', who: ADMIN, title: 'an admin' },
  { role: 'receptionist', who: RECEPTIONIST, title: 'a receptionist' },
  { role: 'doctor', who: DOCTOR, title: 'a doctor' },
] as const;

// One test per role and theme, so each stays well inside its time limit on a loaded machine.
for (const { role, who, title } of people) {
  for (const theme of ['light', 'dark'] as const) {
    test(`every route ${title} reaches is clean in the ${theme} theme`, async ({ page, clinic }) => {
      test.setTimeout(180_000);
      const errors = watchErrors(page);
      await signIn(page, clinic.url, who);
      if (theme === 'dark') {
        await page.getByRole('button', { name: 'Switch to dark theme' }).click();
        await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
      }
      await visitEveryRoute(page, clinic.url, role, theme);
      await page.screenshot({ path: `.tmp/every-route-${role}-${theme}.png` });
      if (theme === 'dark') await page.getByRole('button', { name: 'Switch to light theme' }).click();
      expect(errors).toEqual([]);
    });
  }
}
