import { Badge } from '@mantine/core';
import {
  IconArrowBackUp,
  IconCircleCheck,
  IconCircleDashed,
  IconCircleHalf2,
  IconCircleOff,
  IconReceiptRefund,
  type Icon,
} from '@tabler/icons-react';
import type { PaymentStatus } from '../../../../preload/contract-payments.ts';
import { paymentStatusLabels } from './strings.ts';

/** One colour and one icon per payment status; the word stays the main signal. */
export const PAYMENT_STATUS_LOOK: Record<PaymentStatus, { color: string; icon: Icon }> = {
  unpaid: { color: 'red', icon: IconCircleDashed },
  partially_paid: { color: 'yellow', icon: IconCircleHalf2 },
  paid: { color: 'green', icon: IconCircleCheck },
  partially_refunded: { color: 'grape', icon: IconArrowBackUp },
  refunded: { color: 'grape', icon: IconReceiptRefund },
  void: { color: 'gray', icon: IconCircleOff },
};

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  const { color, icon: StatusIcon } = PAYMENT_STATUS_LOOK[status];
  return (
    <Badge
      color={color}
      variant="outline"
      tt="none"
      size="md"
      data-payment-status={status}
      leftSection={<StatusIcon size={14} aria-hidden color={`var(--mantine-color-${color}-filled)`} />}
      styles={{
        label: {
          color: status === 'void' ? 'var(--mantine-color-dimmed)' : 'var(--mantine-color-text)',
          fontWeight: 600,
        },
      }}
    >
      {paymentStatusLabels[status]}
    </Badge>
  );
}
