import { useMantineColorScheme } from '@mantine/core';
import { useEffect } from 'react';
import { useColorSchemeManager } from '../../app/providers.tsx';

/** Applies the signed-in user's own light/dark choice ("auto" when they never chose). */
export function useUserColorScheme(userId: number): void {
  const manager = useColorSchemeManager();
  const { setColorScheme } = useMantineColorScheme();
  useEffect(() => {
    setColorScheme(manager.switchUser(userId, 'auto'));
    return () => {
      manager.switchUser(null, 'auto');
    };
  }, [manager, setColorScheme, userId]);
}
