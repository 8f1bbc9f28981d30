import { ActionIcon, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import type { Account, LedgerEntry } from '#contract/payments.ts';
import { useDeskFormat } from '../../lib/use-desk-format.ts';
import { ledgerKindLabels, methodLabels, paymentsStrings } from './strings.ts';
import type { useFiles } from './use-files.ts';
import { useMoney } from './use-money.ts';

const strings = paymentsStrings.account;

/** Money into the clinic is positive; a refund goes out, a discount lowers the charge. */
function signedAmount(entry: LedgerEntry): number {
  return entry.kind === 'refund' ? -entry.amountMinor : entry.amountMinor;
}

interface EntriesTableProps {
  account: Account;
  canPrint: boolean;
  files: ReturnType<typeof useFiles>;
}

/** The account's ledger, oldest first: charges, changes, payments and refunds with their receipts. */
export function EntriesTable({ account, canPrint, files }: EntriesTableProps) {
  const money = useMoney(account);
  const format = useDeskFormat();
  if (account.entries.length === 0) return <Text size="sm">{strings.noEntries}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={4} aria-label={strings.history}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{strings.when}</Table.Th>
            <Table.Th scope="col">{strings.kind}</Table.Th>
            <Table.Th scope="col" ta="right">
              {strings.amount}
            </Table.Th>
            <Table.Th scope="col">{strings.method}</Table.Th>
            <Table.Th scope="col">{strings.details}</Table.Th>
            <Table.Th scope="col">{strings.receipt}</Table.Th>
            <Table.Th scope="col">{strings.by}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {account.entries.map((entry) => {
            const kind = ledgerKindLabels[entry.kind];
            const amount = money(signedAmount(entry));
            const key = `entry-${entry.entryId}`;
            return (
              <Table.Tr key={entry.entryId} data-kind={entry.kind}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{format.instant(entry.createdAt)}</Text>
                </Table.Td>
                <Table.Td>{kind}</Table.Td>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                  {amount}
                </Table.Td>
                <Table.Td>{entry.method ? methodLabels[entry.method] : ''}</Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                    {entry.reason ?? entry.reference ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {entry.receiptNumber !== null ? (
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm">{strings.receiptNumber(entry.receiptNumber)}</Text>
                      {canPrint ? (
                        <Tooltip label={strings.entryReceipt(entry.receiptNumber)}>
                          <ActionIcon
                            variant="subtle"
                            aria-label={strings.entryReceiptLabel(kind.toLowerCase(), amount, entry.receiptNumber)}
                            loading={files.busy === key}
                            onClick={() => void files.save(key, { kind: 'receipt', input: { entryId: entry.entryId } })}
                          >
                            <IconFileTypePdf size={18} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                    </Group>
                  ) : null}
                </Table.Td>
                <Table.Td>{entry.createdBy ?? ''}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
