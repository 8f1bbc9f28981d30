import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { StaffRole } from '#contract/fields.ts';
import { BookAppointmentDialog } from './BookAppointmentDialog.tsx';
import { useDeskLiveUpdates } from './desk-api.ts';
import { WalkInDialog } from './WalkInDialog.tsx';

export interface DeskController {
  /** Admins and receptionists book and register walk-ins; doctors do not. */
  canBook: boolean;
  openBooking: (options?: { patientId?: number }) => void;
  openWalkIn: () => void;
  booking: { opened: boolean; patientId?: number };
  walkInOpened: boolean;
  close: () => void;
}

const DeskContext = createContext<DeskController | null>(null);

/** The booking and walk-in dialogs that N and W open from anywhere. */
export function useDeskController(role: StaffRole): DeskController {
  const canBook = role === 'admin' || role === 'receptionist';
  const [booking, setBooking] = useState<{ opened: boolean; patientId?: number }>({ opened: false });
  const [walkInOpened, setWalkInOpened] = useState(false);
  // N on a patient's page books for that patient.
  const { pathname } = useLocation();
  const pagePatientId = /^\/patients\/(\d+)$/.exec(pathname)?.[1];
  const openBooking = useCallback(
    (options: { patientId?: number } = {}) => {
      if (!canBook) return;
      setWalkInOpened(false);
      const patientId = options.patientId ?? (pagePatientId ? Number(pagePatientId) : undefined);
      setBooking(patientId === undefined ? { opened: true } : { opened: true, patientId });
    },
    [canBook, pagePatientId],
  );
  const openWalkIn = useCallback(() => {
    if (!canBook) return;
    setBooking({ opened: false });
    setWalkInOpened(true);
  }, [canBook]);
  const close = useCallback(() => {
    setBooking((old) => ({ ...old, opened: false }));
    setWalkInOpened(false);
  }, []);
  return useMemo(
    () => ({ canBook, openBooking, openWalkIn, booking, walkInOpened, close }),
    [canBook, openBooking, openWalkIn, booking, walkInOpened, close],
  );
}

/** Opens the booking or walk-in dialog from any screen (the board's and patient page's buttons). */
export function useDesk(): DeskController {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error('useDesk must be used inside DeskProvider.');
  return desk;
}

/** Around the signed-in app: the global dialogs, and live refetches of desk data. */
export function DeskProvider({ controller, children }: { controller: DeskController; children: ReactNode }) {
  useDeskLiveUpdates();
  return (
    <DeskContext.Provider value={controller}>
      {children}
      <BookAppointmentDialog
        open={controller.booking.opened}
        patientId={controller.booking.patientId}
        onClose={controller.close}
      />
      <WalkInDialog opened={controller.walkInOpened} onClose={controller.close} />
    </DeskContext.Provider>
  );
}
