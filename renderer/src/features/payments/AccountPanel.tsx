import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCash, IconEdit, IconFileTypePdf, IconReceiptRefund } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Account } from '#contract/payments.ts';
import { messageOf } from '../../api/errors.ts';
import { AppointmentStatusBadge } from '../../ui/AppointmentStatusBadge.tsx';
import { useDeskFormat } from '../../lib/use-desk-format.ts';
import { ChangeChargeDialog } from './ChangeChargeDialog.tsx';
import { EntriesTable } from './EntriesTable.tsx';
import { useAccount, useRefreshPayments } from './payments-api.ts';
import { PaymentStatusBadge } from './PaymentStatusBadge.tsx';
import { ReceiptOfferDialog, type RecordedMovement } from './ReceiptOfferDialog.tsx';
import { RefundDialog, refundableOf } from './RefundDialog.tsx';
import { paymentsStrings } from './strings.ts';
import { TakePaymentDialog } from './TakePaymentDialog.tsx';
import { useFiles } from './use-files.ts';
import { useMoney } from './use-money.ts';
import { usePaymentsRole, useRefundPolicy } from './use-viewer.ts';

const strings = paymentsStrings.account;
type Dialog = 'take' | 'refund' | 'charge' | null;

function Figure({ label, children, strong }: { label: string; children: ReactNode; strong?: boolean }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fw={strong ? 700 : 500} size={strong ? 'lg' : 'md'} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {children}
      </Text>
    </div>
  );
}

interface AccountPanelProps {
  appointmentId: number;
  /**
   * Told when one of the panel's dialogs opens or closes: Mantine closes every open modal on
   * Esc, so the drawer around the panel ignores Esc while a dialog is on top of it.
   */
  onDialogChange?: (open: boolean) => void;
}

function AccountView({ account, onDialogChange }: { account: Account } & Pick<AccountPanelProps, 'onDialogChange'>) {
  const money = useMoney(account);
  const format = useDeskFormat();
  const refresh = useRefreshPayments();
  const files = useFiles();
  const { canTake } = usePaymentsRole();
  const policy = useRefundPolicy(account.minorDigits);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [recorded, setRecorded] = useState<RecordedMovement | null>(null);
  const actionsRef = useRef<HTMLDivElement>(null);
  const dialogOpen = dialog !== null || recorded !== null;
  useEffect(() => {
    onDialogChange?.(dialogOpen);
    return () => onDialogChange?.(false);
  }, [dialogOpen, onDialogChange]);
  const refundable = refundableOf(account);
  const isVoid = account.status === 'void';

  const recordedMovement =
    (kind: RecordedMovement['kind']) => (movement: RecordedMovement['movement'], amountMinor: number) => {
      const message =
        kind === 'payment'
          ? paymentsStrings.take.done(money(amountMinor), account.patient.name)
          : paymentsStrings.refund.done(money(amountMinor), account.patient.name);
      notifications.show({ color: 'green', message });
      setDialog(null);
      setRecorded({ kind, movement, amountMinor });
      refresh();
    };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={600}>{strings.visit(account.doctor.name, format.when(account.date, account.time))}</Text>
          <Text size="sm" c="dimmed">
            {account.patient.patientNumber} ·{' '}
            <Anchor component={Link} to={`/patients/${account.patient.patientId}`} size="sm">
              {strings.patientPage}
            </Anchor>
          </Text>
        </div>
        <Group gap={6}>
          <AppointmentStatusBadge status={account.appointmentStatus} />
          <PaymentStatusBadge status={account.status} />
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure label={strings.charge}>{money(account.chargeMinor)}</Figure>
          <Figure label={strings.paid}>{money(account.paidMinor)}</Figure>
          <Figure label={strings.refunded}>{money(account.refundedMinor)}</Figure>
          <Figure label={strings.balance} strong>
            {money(account.balanceMinor)}
          </Figure>
        </SimpleGrid>
      </Paper>
      {isVoid ? <Alert color="gray">{strings.voidNote}</Alert> : null}
      {canTake ? (
        <Group gap="xs" ref={actionsRef}>
          <Button
            leftSection={<IconCash size={18} aria-hidden />}
            disabled={isVoid || account.balanceMinor <= 0}
            onClick={() => setDialog('take')}
          >
            {strings.take}
          </Button>
          <Button
            variant="default"
            leftSection={<IconReceiptRefund size={18} aria-hidden />}
            disabled={refundable <= 0}
            onClick={() => setDialog('refund')}
          >
            {strings.refund}
          </Button>
          <Button
            variant="default"
            leftSection={<IconEdit size={18} aria-hidden />}
            disabled={isVoid}
            onClick={() => setDialog('charge')}
          >
            {strings.changeCharge}
          </Button>
          <Button
            variant="subtle"
            leftSection={<IconFileTypePdf size={18} aria-hidden />}
            title={strings.statementHint}
            loading={files.busy === 'statement'}
            onClick={() =>
              void files.save('statement', { kind: 'receipt', input: { appointmentId: account.appointmentId } })
            }
          >
            {strings.statement}
          </Button>
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {strings.doctorNote}
        </Text>
      )}
      <Title order={3} size="h5">
        {strings.history}
      </Title>
      <EntriesTable account={account} canPrint={canTake} files={files} />
      <TakePaymentDialog
        opened={dialog === 'take'}
        account={account}
        onClose={() => setDialog(null)}
        onTaken={recordedMovement('payment')}
      />
      <RefundDialog
        opened={dialog === 'refund'}
        account={account}
        policy={policy}
        onClose={() => setDialog(null)}
        onRefunded={recordedMovement('refund')}
      />
      <ChangeChargeDialog
        opened={dialog === 'charge'}
        account={account}
        onClose={() => setDialog(null)}
        onChanged={() => {
          setDialog(null);
          refresh();
        }}
      />
      <ReceiptOfferDialog
        recorded={recorded}
        onClose={() => {
          setRecorded(null);
          // The form that opened the offer is gone: focus goes back to the account's actions.
          setTimeout(() => actionsRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus(), 0);
        }}
      />
    </Stack>
  );
}

/** One appointment's account: figures, actions for the desk, and every entry with its receipt. */
export function AccountPanel({ appointmentId, onDialogChange }: AccountPanelProps) {
  const account = useAccount(appointmentId);
  if (account.isError)
    return (
      <Alert color="red" title={strings.loadFailed}>
        {messageOf(account.error)}
      </Alert>
    );
  if (!account.data)
    return (
      <Stack aria-busy="true" gap="sm">
        <Text size="sm" c="dimmed">
          {strings.loading}
        </Text>
        <Skeleton height={24} width="60%" />
        <Skeleton height={64} />
        <Skeleton height={120} />
      </Stack>
    );
  return <AccountView account={account.data} onDialogChange={onDialogChange} />;
}
