/** Who is calling, from where. The IP comes from the socket-facing proxy's X-Forwarded-For (Next sets it). */
export interface RequestMeta {
  ip?: string;
  userAgent?: string;
}

export function requestMeta(headers: Headers): RequestMeta {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  const ip = forwarded || headers.get('x-real-ip') || undefined;
  const userAgent = headers.get('user-agent')?.slice(0, 512) || undefined;
  return { ip: ip?.slice(0, 64), userAgent };
}
