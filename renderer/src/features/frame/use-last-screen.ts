import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { readStored, userKey, writeStored } from '../../lib/storage.ts';

/** Opens the screen this user was last on, and remembers it as they move around. */
export function useLastScreen(userId: number): void {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const key = userKey(userId, 'last-screen');

  useEffect(() => {
    if (pathname !== '/') return;
    const last = readStored(key);
    if (last && last.startsWith('/') && last !== '/') void navigate(last, { replace: true });
    // Only on arrival: afterwards the user's own navigation wins.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  useEffect(() => {
    if (pathname !== '/') writeStored(key, pathname);
  }, [key, pathname]);
}
