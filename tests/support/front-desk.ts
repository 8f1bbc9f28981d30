import { slotsOf } from './schedule.ts';
import { ADMIN_KEY, signInNew, type TestApp } from './test-app.ts';

// A clinic with doctors on a weekday schedule and a receptionist signed in, for front-desk tests.
// Test clock: Monday 2026-03-02 09:00 in Europe/London.

export interface DeskWorld {
  desk: string;
  doctor: { key: string; userId: number };
  otherDoctor: { key: string; userId: number };
  slot(date: string, time: string, doctorId?: number): number;
  patient(name: string, phone?: string): Promise<number>;
}

let phones = 0;

export async function deskWorld(app: TestApp): Promise<DeskWorld> {
  const desk = (await signInNew(app, 'receptionist', 'Rosa Desk')).key;
  const doctor = await signInNew(app, 'doctor', 'Dr Ama Mensah');
  const otherDoctor = await signInNew(app, 'doctor', 'Dr Lena Berg');
  for (const d of [doctor, otherDoctor]) {
    await app.ok(ADMIN_KEY, 'templates.create', {
      doctorId: d.userId,
      weekdays: [1, 2, 3, 4, 5],
      startTime: '09:00',
      endTime: '12:00',
      slotMinutes: 30,
      validFrom: '2026-03-02',
    });
  }
  return {
    desk,
    doctor,
    otherDoctor,
    slot(date, time, doctorId = doctor.userId) {
      const found = slotsOf(app, doctorId, date).find((s) => s.start_time === time);
      if (!found) throw new Error(`no slot ${date} ${time}`);
      return found.availability_id;
    },
    async patient(name, phone = `07700 900${String(++phones).padStart(3, '0')}`) {
      const registered = await app.ok(desk, 'patients.register', {
        name,
        phone,
        email: null,
        medicalNotes: null,
        confirmedNotDuplicate: true,
      });
      return registered.patientId;
    },
  };
}
