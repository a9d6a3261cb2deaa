import { type LineStore, pushReplica, type ReplicaBaseline, syncReplica } from "../app/replica.js";

/**
 * A server's replica of a shared store (PostgreSQL), kept following it: requests take turns on
 * the replica folder, each finding it synced to the store (by its heads, once a notification
 * says another writer appended, or on every turn when the store cannot notify), and a write's
 * turn ends only once what it appended is pushed to the store (or refused, and the replica synced
 * again): no reader ever sees an event the store does not hold.
 */
export class ReplicaFollower {
  private turn: Promise<void> = Promise.resolve();
  private stale = true;
  private watching = false;
  private unwatch: (() => Promise<void>) | undefined;

  constructor(
    readonly store: LineStore,
    /** The replica folder, this process's own. */
    readonly dir: string,
  ) {}

  /**
   * Syncs the replica and starts following the store's notifications, when it has them.
   *
   * @example
   * await follower.start();
   */
  async start(): Promise<void> {
    if (this.store.watch !== undefined) {
      this.unwatch = await this.store.watch(() => {
        this.stale = true;
      });
      this.watching = true;
    }
    await this.sync();
  }

  /**
   * Waits for the replica's turn and syncs it if it may be behind; resolves to what ends the
   * turn. For a write, the turn's end pushes what it appended (`finish` resolves once the store
   * holds it, or rejects as the store refused it).
   *
   * @example
   * const turn = await follower.begin(true); ...append to follower.dir...; await turn.finish();
   */
  async begin(write: boolean): Promise<{ finish(): Promise<void>; release(): void }> {
    let release: () => void = () => undefined;
    const previous = this.turn;
    this.turn = new Promise((resolve) => {
      release = resolve;
    });
    await previous;
    let baseline: ReplicaBaseline | undefined;
    try {
      baseline = write || this.stale || !this.watching ? await this.sync() : undefined;
    } catch (error) {
      release();
      throw error;
    }
    let released = false;
    const end = () => {
      if (!released) release();
      released = true;
    };
    return {
      finish: async () => {
        try {
          if (write && baseline !== undefined) await pushReplica(this.store, this.dir, baseline);
        } finally {
          end();
        }
      },
      release: end,
    };
  }

  /**
   * Stops following and closes the store.
   *
   * @example
   * await follower.close();
   */
  async close(): Promise<void> {
    await this.turn;
    await this.unwatch?.();
    await this.store.close();
  }

  private async sync(): Promise<ReplicaBaseline> {
    this.stale = false;
    try {
      return await syncReplica(this.store, this.dir);
    } catch (error) {
      this.stale = true;
      throw error;
    }
  }
}
