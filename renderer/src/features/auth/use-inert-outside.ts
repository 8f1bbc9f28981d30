import { useEffect, useState } from 'react';

/**
 * A layer of its own at the end of <body>, and while `active`, every other part of the page made
 * inert and hidden from assistive technology: nothing behind the lock can be reached or read.
 */
export function useIsolatedLayer(active: boolean): HTMLElement {
  const [layer] = useState(() => {
    const element = document.createElement('div');
    element.dataset.layer = 'lock';
    return element;
  });

  useEffect(() => {
    document.body.append(layer);
    return () => layer.remove();
  }, [layer]);

  useEffect(() => {
    if (!active) return;
    const changed: HTMLElement[] = [];
    for (const element of Array.from(document.body.children)) {
      if (!(element instanceof HTMLElement) || element === layer || element.contains(layer)) continue;
      if (element.hasAttribute('inert')) continue;
      element.setAttribute('inert', '');
      element.setAttribute('aria-hidden', 'true');
      changed.push(element);
    }
    return () => {
      for (const element of changed) {
        element.removeAttribute('inert');
        element.removeAttribute('aria-hidden');
      }
    };
  }, [active, layer]);

  return layer;
}
