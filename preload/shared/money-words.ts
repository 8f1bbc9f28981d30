// The clinic's money words: one meaning each, on every screen, PDF and report. A screen that
// shows one of these figures takes its label from here and computes it as defined here.

/** The words; each doc comment is the one definition of its word. */
export const MONEY_WORDS = {
  /**
   * What the visits cost: each visit's first charge plus every change to it (discounts and
   * waivers lower it). A cancelled visit costs nothing. Counted on the day of the visit.
   */
  charged: 'Charged',
  /** Money received for a visit, less what was handed back for it. */
  paid: 'Paid',
  /** Money received for a visit, before anything was handed back. */
  received: 'Received',
  /** Money taken at the desk, counted on the day it was taken, whatever the day of the visit. */
  collected: 'Collected',
  /** Money handed back, counted on the day it was handed back. */
  refunded: 'Refunded',
  /** How much discounts and waivers lowered the charges of the visits, as a positive amount. */
  discounts: 'Discounts and waivers',
  /** Collected less refunded: the money the desk kept. */
  net: 'Net collected',
  /** Charged less paid for a visit, never below zero; nothing on a cancelled visit. */
  owed: 'Owed',
  /** Owed on visits up to and including today. */
  dueNow: 'Due now',
  /** Owed on visits after today: not due yet. */
  upcoming: 'Upcoming',
} as const;

interface VisitMoney {
  date: string;
  appointmentStatus: string;
  chargeMinor: number;
  balanceMinor: number;
}

/** A visit's part of "Charged": its charge, or nothing once cancelled. */
export const chargedMinorOf = (visit: Pick<VisitMoney, 'appointmentStatus' | 'chargeMinor'>): number =>
  visit.appointmentStatus === 'cancelled' ? 0 : visit.chargeMinor;

/** "Due now" and "Upcoming" of a patient's visits, split at the clinic's today. */
export function dueSplit(visits: readonly VisitMoney[], today: string): { dueNowMinor: number; upcomingMinor: number } {
  let dueNowMinor = 0;
  let upcomingMinor = 0;
  for (const visit of visits) {
    if (visit.date <= today) dueNowMinor += visit.balanceMinor;
    else upcomingMinor += visit.balanceMinor;
  }
  return { dueNowMinor, upcomingMinor };
}
