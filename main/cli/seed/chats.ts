import { FROM_DOCTOR, FROM_RECEPTION } from './catalog.ts';
import { addDays, localToUtcIso, minutesToTime } from '#shared/dates.ts';
import type { Rng } from './prng.ts';

// Conversations between a doctor and the front desk about one patient: at most one chat per
// (doctor, patient) pair, drawn from the pairs that have appointments.

export interface PlannedMessage {
  senderId: number;
  text: string;
  sentAt: string;
}

export interface PlannedChat {
  doctorId: number;
  patientId: number;
  messages: PlannedMessage[];
}

export interface ChatOptions {
  pairs: readonly { doctorId: number; patientId: number }[];
  receptionistIds: readonly number[];
  firstNameOf: (patientId: number) => string;
  startDate: string;
  timeZone: string;
  /** Share of (doctor, patient) pairs that get a chat. */
  share?: number;
}

export function planChats(rng: Rng, options: ChatOptions): PlannedChat[] {
  const seen = new Set<string>();
  const chats: PlannedChat[] = [];
  for (const { doctorId, patientId } of options.pairs) {
    const key = `${doctorId}:${patientId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (!rng.chance(options.share ?? 0.2)) continue;
    const first = options.firstNameOf(patientId);
    const count = rng.int(1, 6);
    // Starts on one of the last ten days before today, 09:00-13:00; each reply 2-60 minutes later.
    const day = addDays(options.startDate, -rng.int(1, 10));
    let minute = rng.int(9 * 60, 13 * 60);
    let fromDoctor = options.receptionistIds.length === 0 || rng.chance(0.4);
    const receptionist = options.receptionistIds.length > 0 ? rng.pick(options.receptionistIds) : doctorId;
    const messages: PlannedMessage[] = [];
    for (let i = 0; i < count; i++) {
      const template = rng.pick(fromDoctor ? FROM_DOCTOR : FROM_RECEPTION);
      messages.push({
        senderId: fromDoctor ? doctorId : receptionist,
        text: template.replaceAll('{first}', first),
        sentAt: localToUtcIso(day, minutesToTime(minute), options.timeZone),
      });
      minute += rng.int(2, 60);
      // Mostly a reply from the other side, sometimes a follow-up from the same one.
      if (options.receptionistIds.length > 0 && rng.chance(0.8)) fromDoctor = !fromDoctor;
    }
    chats.push({ doctorId, patientId, messages });
  }
  return chats;
}
