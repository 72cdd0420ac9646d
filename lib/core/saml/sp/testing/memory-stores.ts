/**
 * Test-only: in-memory replay and request stores. Their own module so that tests of single checks can use
 * them without loading samlify (which testing/harness.ts does for its connect()).
 */
import type { ReplayStore, RequestStore } from '../types';

export class MemoryReplayStore implements ReplayStore {
  readonly recorded = new Map<string, number>();
  async seen(id: string): Promise<boolean> {
    return this.recorded.has(id);
  }
  async remember(id: string, expiresAt: Date): Promise<boolean> {
    if (this.recorded.has(id)) return false;
    this.recorded.set(id, expiresAt.getTime());
    return true;
  }
}

export class MemoryRequestStore implements RequestStore {
  readonly pending = new Set<string>();
  add(id: string): string {
    this.pending.add(id);
    return id;
  }
  async consume(id: string): Promise<boolean> {
    return this.pending.delete(id);
  }
}
