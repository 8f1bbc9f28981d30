import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import type { MoneyMovement } from './money-form.ts';
import { paymentsStrings } from './strings.ts';
import { useFiles } from './use-files.ts';
import { NESTED_Z, useMoney } from './use-money.ts';

const strings = paymentsStrings.receiptOffer;

export interface RecordedMovement {
  kind: 'payment' | 'refund';
  movement: MoneyMovement;
  amountMinor: number;
}

/** Right after money moved: the receipt, one key away ("Print receipt" has the focus). */
export function ReceiptOfferDialog({ recorded, onClose }: { recorded: RecordedMovement | null; onClose: () => void }) {
  const money = useMoney(recorded?.movement.account);
  const files = useFiles();
  const opened = recorded !== null;
  const account = recorded?.movement.account;
  const refund = recorded?.kind === 'refund';
  return (
    <Modal opened={opened} onClose={onClose} title={refund ? strings.refundTitle : strings.title} zIndex={NESTED_Z}>
      {recorded && account ? (
        <Stack>
          <Text>
            {refund
              ? strings.refundBody(money(recorded.amountMinor), recorded.movement.receiptNumber)
              : strings.body(money(recorded.amountMinor), recorded.movement.receiptNumber)}
          </Text>
          {refund ? null : (
            <Text fw={600}>
              {account.balanceMinor > 0 ? strings.balance(money(account.balanceMinor)) : strings.settled}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {strings.printHint}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {strings.done}
            </Button>
            <Button
              data-autofocus
              leftSection={<IconPrinter size={18} aria-hidden />}
              loading={files.busy === 'offer'}
              onClick={async () => {
                const printed = await files.print('offer', {
                  kind: 'receipt',
                  input: { entryId: recorded.movement.entryId },
                });
                if (printed) onClose();
              }}
            >
              {strings.print}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
