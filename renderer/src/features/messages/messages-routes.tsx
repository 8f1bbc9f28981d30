import { Route } from 'react-router';
import { MessagesPage } from './MessagesPage.tsx';

/** The Messages area's routes (called inside <Routes>, not rendered as a component). */
export function messagesRoutes() {
  return (
    <Route path="messages">
      <Route index element={<MessagesPage />} />
      <Route path=":chatId" element={<MessagesPage />} />
    </Route>
  );
}
