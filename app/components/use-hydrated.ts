'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False in the server's HTML and until React has hydrated, then true. A form whose submit handler posts
 * JSON keeps its submit button disabled until then: a click that lands first would otherwise submit the
 * form natively, as a GET that puts what was typed (a reason, a YAML edit) in the URL, history and logs.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
