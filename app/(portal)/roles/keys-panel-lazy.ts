'use client';

import { lazy } from 'react';

/**
 * The keys panel (every shell's credential formats) is its own chunk, out of the role picker's first-load
 * JS (issue 15 §4: ≤ 150 KiB gzipped). useKeys starts loading it with the credentials request, so it is
 * there by the time they are; the picker renders it under Suspense.
 */
export const loadKeysPanel = () => import('./keys-panel');

export const KeysPanel = lazy(() => loadKeysPanel().then((m) => ({ default: m.KeysPanel })));
