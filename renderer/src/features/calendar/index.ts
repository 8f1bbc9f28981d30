// What other areas use from the calendar: its routes (the frame mounts them).
export { calendarRoutes } from './calendar-routes.tsx';
