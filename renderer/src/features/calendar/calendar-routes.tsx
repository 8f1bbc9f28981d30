import { Route } from 'react-router';
import { DoctorPage, DoctorsPage } from '../doctors/index.ts';
import { CalendarIndex, CalendarLayout, WithToday } from './CalendarLayout.tsx';
import { DayView } from './DayView.tsx';
import { MyDayView } from './MyDayView.tsx';
import { WeekView } from './WeekView.tsx';

/** The Calendar area's routes, under /calendar (called inside <Routes>, not rendered as a component). */
export function calendarRoutes(isDoctor: boolean) {
  return (
    <Route path="calendar" element={<CalendarLayout />}>
      <Route index element={<CalendarIndex isDoctor={isDoctor} />} />
      <Route path="day" element={<WithToday view={DayView} />} />
      <Route path="week" element={<WithToday view={WeekView} />} />
      {isDoctor ? <Route path="my-day" element={<WithToday view={MyDayView} />} /> : null}
      <Route path="doctors" element={<DoctorsPage />} />
      <Route path="doctors/:doctorId" element={<DoctorPage />} />
      <Route path="*" element={<CalendarIndex isDoctor={isDoctor} />} />
    </Route>
  );
}
