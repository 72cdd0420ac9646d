import { redirect } from 'next/navigation';
import { currentSession } from '@/lib/server/session';

export const dynamic = 'force-dynamic';

export default async function Home() {
  redirect((await currentSession()) ? '/roles' : '/signin');
}
