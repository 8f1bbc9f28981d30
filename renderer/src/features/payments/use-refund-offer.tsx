import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useState } from 'react';
import type { Account } from '#contract/payments.ts';
import { call } from '../../api/client.ts';
import { ReceiptOfferDialog, type RecordedMovement } from './ReceiptOfferDialog.tsx';
import { RefundDialog, refundableOf } from './RefundDialog.tsx';
import { useRefreshPayments } from './payments-api.ts';
import { paymentsStrings } from './strings.ts';
import { useMoney } from './use-money.ts';
import { useRefundPolicy } from './use-viewer.ts';

const strings = paymentsStrings.refundOffer;

/**
 * After a paid appointment is cancelled: "Refund X now?" and, on yes, the refund form prefilled
 * with what was paid. Nothing is offered when nothing was paid (or the account cannot be read).
 */
export function useRefundOffer() {
  const [account, setAccount] = useState<Account | null>(null);
  const [step, setStep] = useState<'ask' | 'form' | null>(null);
  const [recorded, setRecorded] = useState<RecordedMovement | null>(null);
  const money = useMoney(account ?? undefined);
  const policy = useRefundPolicy(account?.minorDigits ?? 2);
  const refresh = useRefreshPayments();

  const offer = useCallback(async (appointmentId: number) => {
    try {
      const found = await call('payments.account', { appointmentId });
      if (refundableOf(found) <= 0) return;
      setAccount(found);
      setStep('ask');
    } catch {
      // The cancellation itself succeeded; the refund can still be made from the account.
    }
  }, []);

  const close = () => setStep(null);
  const refundable = account ? refundableOf(account) : 0;

  const dialogs = account ? (
    <>
      <Modal opened={step === 'ask'} onClose={close} title={strings.title(account.patient.name)}>
        <Stack>
          <Text>{strings.body(money(refundable))}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {strings.later}
            </Button>
            <Button color="red" data-autofocus onClick={() => setStep('form')}>
              {strings.yes(money(refundable))}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <RefundDialog
        opened={step === 'form'}
        account={account}
        policy={policy}
        onClose={close}
        onRefunded={(movement, amountMinor) => {
          notifications.show({
            color: 'green',
            message: paymentsStrings.refund.done(money(amountMinor), account.patient.name),
          });
          close();
          setRecorded({ kind: 'refund', movement, amountMinor });
          refresh();
        }}
      />
      <ReceiptOfferDialog recorded={recorded} onClose={() => setRecorded(null)} />
    </>
  ) : null;

  return { offer, dialogs };
}
