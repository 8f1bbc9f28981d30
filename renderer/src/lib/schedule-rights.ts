import { useSession } from '../api/session.ts';

export interface ScheduleRights {
  /** The signed-in doctor's own doctor id (doctor ids are user ids), or null for other roles. */
  ownDoctorId: number | null;
  isDoctor: boolean;
  /** Admins and receptionists keep every doctor's schedule; a doctor keeps their own. */
  canManage: (doctorId: number) => boolean;
  /** Only admins edit the whole profile. */
  canEditProfile: boolean;
  /** A doctor edits the About text of their own profile. */
  canEditAbout: (doctorId: number) => boolean;
  /** Admins and receptionists book appointments. */
  canBook: boolean;
}

/** What the signed-in role may change; main refuses the rest anyway, so this only hides actions. */
export function useScheduleRights(): ScheduleRights {
  const user = useSession().data?.user;
  const role = user?.role;
  const ownDoctorId = role === 'doctor' && user ? user.userId : null;
  return {
    ownDoctorId,
    isDoctor: role === 'doctor',
    canManage: (doctorId) => role === 'admin' || role === 'receptionist' || doctorId === ownDoctorId,
    canEditProfile: role === 'admin',
    canEditAbout: (doctorId) => role === 'doctor' && doctorId === ownDoctorId,
    canBook: role === 'admin' || role === 'receptionist',
  };
}
