import { AppShell } from '@/app/components/app-shell';
import { publicMessage } from '@/lib/core/errors';
import { ErrorView } from './(auth)/error/error-view';
import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Not allowed' };

/**
 * What `forbidden()` renders, with HTTP 403: a signed-in user asked for a page they may not see. Next
 * prerenders this boundary at build time, so it reads nothing from the environment (hence no demo banner).
 */
export default function Forbidden() {
  return (
    <AppShell demo={false}>
      <ErrorView code="FORBIDDEN" message={publicMessage('FORBIDDEN')} />
    </AppShell>
  );
}
