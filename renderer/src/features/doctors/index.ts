// What other areas use from doctors: the list and profile pages (routes of the calendar area).
export { DoctorPage } from './DoctorPage.tsx';
export { DoctorsPage } from './DoctorsPage.tsx';
