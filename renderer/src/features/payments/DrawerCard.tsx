import { Alert, Button, Group, Modal, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { DrawerSession } from '#contract/payments.ts';
import { messageOf } from '../../api/errors.ts';
import { useSettings } from '../../api/settings.ts';
import { minorDigitsOf } from '#shared/money.ts';
import { useDeskFormat } from '../../lib/use-desk-format.ts';
import { CloseDrawerDialog, OpenDrawerDialog } from './DrawerDialogs.tsx';
import { useDrawer, useRefreshPayments } from './payments-api.ts';
import { paymentsStrings } from './strings.ts';
import { useMoney } from './use-money.ts';

const strings = paymentsStrings.drawer;

function Figure({ label, children, strong }: { label: string; children: ReactNode; strong?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fw={strong ? 700 : 500} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {children}
      </Text>
    </div>
  );
}

/** Balanced is green, cash over is amber, cash missing is red; the sentence says which. */
export function DifferenceAlert({ session }: { session: DrawerSession }) {
  const money = useMoney(session);
  const difference = session.differenceMinor ?? 0;
  const look =
    difference === 0
      ? { color: 'green', icon: IconCircleCheck, text: strings.balanced }
      : difference > 0
        ? { color: 'yellow', icon: IconAlertTriangle, text: strings.over(money(difference)) }
        : { color: 'red', icon: IconAlertTriangle, text: strings.short(money(-difference)) };
  const Icon = look.icon;
  return (
    <Alert
      color={look.color}
      variant="light"
      icon={<Icon aria-hidden />}
      title={look.text}
      role="status"
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <SimpleGrid cols={3} spacing="sm">
        <Figure label={strings.expected}>{money(session.expectedMinor)}</Figure>
        <Figure label={strings.counted}>{money(session.countedMinor ?? 0)}</Figure>
        <Figure label={strings.difference} strong>
          {money(difference)}
        </Figure>
      </SimpleGrid>
    </Alert>
  );
}

/** The cash drawer: open with a float, cash expected so far, close with the count. */
export function DrawerCard() {
  const drawer = useDrawer(true);
  const settings = useSettings().data;
  const format = useDeskFormat();
  const refresh = useRefreshPayments();
  const [dialog, setDialog] = useState<'open' | 'close' | null>(null);
  const [closed, setClosed] = useState<DrawerSession | null>(null);
  const session = drawer.data ?? null;
  const context = session ?? {
    currency: settings?.currency ?? 'USD',
    minorDigits: minorDigitsOf(settings?.currency ?? 'USD'),
  };
  const money = useMoney(context);

  const body = () => {
    if (drawer.isError) return <Text c="red">{messageOf(drawer.error)}</Text>;
    if (drawer.isPending) return <Skeleton height={40} />;
    if (!session) return <Text size="sm">{strings.closed}</Text>;
    return (
      <Stack gap={6}>
        <Text size="sm">{strings.openedBy(session.openedBy ?? '', format.instant(session.openedAt))}</Text>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure label={strings.float}>{money(session.floatMinor)}</Figure>
          <Figure label={strings.cashIn}>{money(session.cashInMinor)}</Figure>
          <Figure label={strings.cashOut}>{money(session.cashOutMinor)}</Figure>
          <Figure label={strings.expected} strong>
            {money(session.expectedMinor)}
          </Figure>
        </SimpleGrid>
      </Stack>
    );
  };

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="drawer-title">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ flex: 1 }}>
          <Title order={2} size="h4" id="drawer-title">
            {strings.title}
          </Title>
          {body()}
        </Stack>
        {drawer.isSuccess ? (
          session ? (
            <Button
              variant="default"
              leftSection={<IconLock size={18} aria-hidden />}
              onClick={() => setDialog('close')}
            >
              {strings.close}
            </Button>
          ) : (
            <Button
              variant="default"
              leftSection={<IconLockOpen size={18} aria-hidden />}
              onClick={() => setDialog('open')}
            >
              {strings.open}
            </Button>
          )
        ) : null}
      </Group>
      <OpenDrawerDialog
        opened={dialog === 'open'}
        money={context}
        onClose={() => setDialog(null)}
        onOpened={() => {
          setDialog(null);
          refresh();
        }}
      />
      <CloseDrawerDialog
        opened={dialog === 'close'}
        session={session}
        onClose={() => setDialog(null)}
        onClosed={(result) => {
          setDialog(null);
          setClosed(result);
          refresh();
        }}
      />
      <Modal opened={closed !== null} onClose={() => setClosed(null)} title={strings.resultTitle}>
        {closed ? (
          <Stack>
            <DifferenceAlert session={closed} />
            {closed.note ? <Text size="sm">{closed.note}</Text> : null}
            <Group justify="flex-end">
              <Button data-autofocus onClick={() => setClosed(null)}>
                {strings.done}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Paper>
  );
}
