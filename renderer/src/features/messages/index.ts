// What other areas use from messages: the routes and live updates (the frame), the unread
// badge in the navigation, the "message the doctor" button on appointment rows and the
// patient page's messages section.
export { MessageDoctorButton } from './MessageDoctorButton.tsx';
export { PatientMessages } from './PatientMessages.tsx';
export { UnreadNavBadge } from './UnreadNavBadge.tsx';
export { useMessagesLiveUpdates } from './messages-api.ts';
export { messagesRoutes } from './messages-routes.tsx';
