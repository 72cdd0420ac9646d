/**
 * Roles a person starred in the picker (issue 15 §4), keyed by user id and configured role id. The repo
 * stores ids only: whether the person still holds a role is decided by the policy at every read, never
 * here. Bounded: at most FAVOURITES_MAX rows per user.
 */
import { GatewayError } from '../../core/errors';
import type { Db } from '../client';
import { dbCall } from './db-call';

/** How many roles one person may star. */
export const FAVOURITES_MAX = 50;

export interface FavouriteRecord {
  roleId: string;
  createdAt: Date;
}

export interface AddFavourite {
  userId: string;
  roleId: string;
  at: Date;
  /**
   * The roles the person holds now. Only when the list is full are stars of roles outside it dropped to
   * make room: a role that was lost (and may come back) keeps its star until the space is needed.
   */
  held: ReadonlySet<string>;
}

export function createFavouritesRepo(db: Db) {
  return {
    /** The user's favourites, oldest star first (the order they were added). */
    async listFavourites(userId: string): Promise<FavouriteRecord[]> {
      return dbCall('listFavourites', () =>
        db.favouriteRole.findMany({
          where: { userId },
          orderBy: [{ createdAt: 'asc' }, { roleId: 'asc' }],
          select: { roleId: true, createdAt: true },
          take: FAVOURITES_MAX,
        }),
      );
    },

    /**
     * Stars a role; starring a starred role changes nothing. FAVOURITES_FULL when the user already has
     * FAVOURITES_MAX stars of roles still held. Serialisable, so two stars at once cannot pass the cap.
     */
    async addFavourite({ userId, roleId, at, held }: AddFavourite): Promise<void> {
      await dbCall('addFavourite', () =>
        db.$transaction(
          async (tx) => {
            const key = { userId_roleId: { userId, roleId } };
            if (await tx.favouriteRole.findUnique({ where: key })) return;
            const stars = await tx.favouriteRole.findMany({ where: { userId }, select: { roleId: true } });
            if (stars.length >= FAVOURITES_MAX) {
              const lost = stars.map((s) => s.roleId).filter((id) => !held.has(id));
              if (stars.length - lost.length >= FAVOURITES_MAX) {
                throw new GatewayError('FAVOURITES_FULL', `user ${userId} has ${stars.length} favourites`, { publicDetail: `at most ${FAVOURITES_MAX}` });
              }
              await tx.favouriteRole.deleteMany({ where: { userId, roleId: { in: lost } } });
            }
            await tx.favouriteRole.create({ data: { userId, roleId, createdAt: at } });
          },
          { isolationLevel: 'Serializable' },
        ),
      );
    },

    /** Unstars a role; true when it was starred. */
    async removeFavourite(userId: string, roleId: string): Promise<boolean> {
      const { count } = await dbCall('removeFavourite', () => db.favouriteRole.deleteMany({ where: { userId, roleId } }));
      return count > 0;
    },
  };
}

export type FavouritesRepo = ReturnType<typeof createFavouritesRepo>;
