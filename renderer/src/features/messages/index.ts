// What other areas use from messages: the routes and live updates (the frame), the unread
// badge in the navigation, the "message the doctor" button on appointment rows and the
// patient page's messages section, and "Message the desk" on a doctor's own queue.
export { MessageDeskButton } from './MessageDeskButton.tsx';
export { MessageDoctorButton } from './MessageDoctorButton.tsx';
export { PatientMessages } from './PatientMessages.tsx';
export { UnreadNavBadge } from './UnreadNavBadge.tsx';
export { useMessagesLiveUpdates } from './messages-api.ts';
export { useOpenThread } from './use-open-thread.ts';
export { messagesRoutes } from './messages-routes.tsx';
