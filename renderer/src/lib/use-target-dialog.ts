import { useCallback, useState } from 'react';

/** A dialog about one record that keeps showing it while it animates closed. */
export function useTargetDialog<T>() {
  const [state, setState] = useState<{ target: T | null; opened: boolean }>({ target: null, opened: false });
  const open = useCallback((target: T) => setState({ target, opened: true }), []);
  const close = useCallback(() => setState((old) => ({ ...old, opened: false })), []);
  return { target: state.target, opened: state.opened, open, close };
}
