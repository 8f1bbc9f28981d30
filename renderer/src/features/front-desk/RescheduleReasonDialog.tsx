import { ReasonDialog } from './ReasonDialog.tsx';
import { deskStrings } from './strings.ts';
import { useReschedule } from './use-reschedule.ts';

const strings = deskStrings.reschedule;

/** A move whose new slot is already chosen (dragged in the calendar): only its reason is asked. */
export interface ChosenMove {
  appointmentId: number;
  patientName: string;
  newAvailabilityId: number;
  /** Where from and where to, in a sentence. */
  summary: string;
}

interface RescheduleReasonDialogProps {
  move: ChosenMove | null;
  opened: boolean;
  onClose: () => void;
}

/** The reschedule dialog's reason step on its own, with the same words, rule and channel. */
export function RescheduleReasonDialog({ move, opened, onClose }: RescheduleReasonDialogProps) {
  const reschedule = useReschedule();
  return (
    <ReasonDialog
      opened={opened && move !== null}
      title={move ? strings.title(move.patientName) : ''}
      body={move?.summary ?? ''}
      reasonLabel={strings.reason}
      reasonHint={strings.reasonHint}
      reasonWords={strings.reasonWords}
      confirmLabel={strings.submit}
      confirmColor="blue"
      keepLabel={strings.cancel}
      onConfirm={async (reason) => {
        if (!move) return;
        await reschedule({ appointmentId: move.appointmentId, newAvailabilityId: move.newAvailabilityId, reason });
      }}
      onClose={onClose}
    />
  );
}
