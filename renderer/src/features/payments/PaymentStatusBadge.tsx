import {
  IconArrowBackUp,
  IconCircleCheck,
  IconCircleDashed,
  IconCircleHalf2,
  IconCircleOff,
  IconReceiptRefund,
  type Icon,
} from '@tabler/icons-react';
import { IconBadge } from '../../ui/IconBadge.tsx';
import type { PaymentStatus } from '#contract/payments.ts';
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
  const { color, icon } = PAYMENT_STATUS_LOOK[status];
  return (
    <IconBadge color={color} icon={icon} size="md" muted={status === 'void'} data={{ 'data-payment-status': status }}>
      {paymentStatusLabels[status]}
    </IconBadge>
  );
}
