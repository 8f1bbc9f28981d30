import { roleMayUse } from '#contract/channel.ts';
import { contract } from '#contract/index.ts';
import { mayRefundAboveLimit } from '#contract/payments.ts';
import { useSession } from '../../api/session.ts';
import { useSettings } from '../../api/settings.ts';
import type { RefundPolicy } from './RefundDialog.tsx';

/** Admins and receptionists take money; doctors only read (main refuses them anyway). */
export function usePaymentsRole() {
  const user = useSession().data?.user;
  const role = user?.role ?? null;
  const canTake = role !== null && roleMayUse(contract['payments.take'].access, role);
  return { role, canTake, isDoctor: role === 'doctor' };
}

/** The settings' refund limit in the account's minor units; refunds above it need an admin. */
export function useRefundPolicy(minorDigits: number): RefundPolicy {
  const threshold = useSettings().data?.refundApprovalThreshold;
  const { role } = usePaymentsRole();
  return {
    thresholdMinor: threshold === undefined ? null : Math.round(threshold * 10 ** minorDigits),
    mayExceedLimit: role !== null && mayRefundAboveLimit(role),
  };
}
