'use client';

import { useEffect, useState } from 'react';

/** A live countdown to the keys' expiry, amber under five minutes. */
export function Expiry({ expiration }: { expiration: string }) {
  const expiresAt = Date.parse(expiration);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (Number.isNaN(expiresAt))
    return (
      <p className="expiry" data-testid="expiry">
        Expiry unknown
      </p>
    );
  const left = Math.max(0, Math.floor((expiresAt - now) / 1000));
  const tone = left === 0 ? ' expiry-over' : left < 300 ? ' expiry-soon' : '';
  return (
    <p
      className={`expiry${tone}`}
      data-testid="expiry"
      role="timer"
      title={new Date(expiresAt).toLocaleString()}
    >
      {left === 0 ? 'Expired' : `Expires in ${clock(left)}`}
    </p>
  );
}

/** 3588 → "59:48"; 43188 → "11:59:48". */
function clock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const mm = String(Math.floor((seconds % 3600) / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
