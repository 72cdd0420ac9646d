import NextAuth from 'next-auth';
import { buildAuthOptions } from '@/lib/server/auth/options';
import { getContainer } from '@/lib/server/container';
import { requestMeta } from '@/lib/server/request-meta';

type Ctx = { params: Promise<{ nextauth: string[] }> };

/** next-auth's handlers, with options built per request so callbacks can audit the caller's IP and UA. */
async function handler(req: Request, ctx: Ctx): Promise<Response> {
  const c = await getContainer();
  return NextAuth(req as never, ctx as never, buildAuthOptions(c.authDeps, requestMeta(req.headers))) as Promise<Response>;
}

export { handler as GET, handler as POST };
