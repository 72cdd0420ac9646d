import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  // Each page names itself (WCAG 2.4.2): "Roles · Rolegate".
  title: { template: '%s · Rolegate', default: 'Rolegate' },
  description: 'Short-lived, least-privilege AWS access through your identity provider',
  referrer: 'no-referrer',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
