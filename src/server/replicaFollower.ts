import {
  type LineStore,
  pushReplica,
  type ReplicaBaseline,
  replicaBaseline,
  syncReplica,
} from "../app/replica.js";

/** A request's turn on the replica: `finish` once its answer is ready, `release` if it ends early. */
export interface ReplicaTurn {
  /** For a write: resolves once the store holds what the turn's writes appended, or rejects. */
  finish(): Promise<void>;
  release(): void;
}

/** Writes that share one turn and one push to the store. */
interface WriteGroup {
  /** Resolves when the group's turn begins (the replica synced), or rejects. */
  started: Promise<void>;
  members: number;
  done: number;
  /** Settles when the group's writes are pushed (or refused). */
  pushed: Promise<void>;
  finish: () => void;
}

/**
 * A server's replica of a shared store (PostgreSQL), kept following it: requests take turns on
 * the replica folder, each finding it synced to the store (by its heads, once a notification
 * says another writer appended, or on every turn when the store cannot notify), and a write is
 * answered only once what it appended is pushed to the store (or refused, and the replica synced
 * again): no reader ever sees an event the store does not hold. Writes that arrive while another
 * turn runs share the next turn and one push (a group commit): one transaction for them all,
 * each answered as the push goes.
 */
export class ReplicaFollower {
  private turn: Promise<void> = Promise.resolve();
  private stale = true;
  private watching = false;
  private unwatch: (() => Promise<void>) | undefined;
  private forming: WriteGroup | undefined;

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
   * Waits for a turn on the replica, synced if it may be behind. A read has the turn alone; a
   * write joins the writes waiting for the next turn, and its `finish` resolves once the store
   * holds what they all appended.
   *
   * @example
   * const turn = await follower.begin(true); ...append to follower.dir...; await turn.finish();
   */
  async begin(write: boolean): Promise<ReplicaTurn> {
    if (write) return this.joinWrites();
    const release = this.nextTurn();
    try {
      await release.previous;
      if (this.stale || !this.watching) await this.sync();
    } catch (error) {
      release.end();
      throw error;
    }
    return { finish: async () => release.end(), release: release.end };
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

  /** The next turn in line: wait for `previous`, then call `end` once (and only once). */
  private nextTurn(): { previous: Promise<void>; end: () => void } {
    let resolve: () => void = () => undefined;
    const previous = this.turn;
    this.turn = new Promise((done) => {
      resolve = done;
    });
    let ended = false;
    return {
      previous,
      end: () => {
        if (!ended) resolve();
        ended = true;
      },
    };
  }

  private async joinWrites(): Promise<ReplicaTurn> {
    const group = this.forming ?? this.newGroup();
    group.members += 1;
    await group.started;
    let counted = false;
    const count = () => {
      if (counted) return;
      counted = true;
      group.done += 1;
      if (group.done === group.members) group.finish();
    };
    return {
      finish: async () => {
        count();
        await group.pushed;
      },
      release: count,
    };
  }

  /** A group of writes: its turn begins once the one before it ends, and it closes to joiners. */
  private newGroup(): WriteGroup {
    const turn = this.nextTurn();
    let finish: () => void = () => undefined;
    const allDone = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let baseline: ReplicaBaseline | undefined;
    const started = turn.previous.then(async () => {
      if (this.forming === group) this.forming = undefined;
      // Unless another writer was heard of, the replica is the store as this server left it;
      // should a notification still be on its way, the push's expected versions catch it.
      baseline = this.stale || !this.watching ? await this.sync() : replicaBaseline(this.dir);
    });
    const pushed = started
      .then(() => allDone)
      .then(() => pushReplica(this.store, this.dir, baseline as ReplicaBaseline))
      .then(() => undefined)
      .finally(() => turn.end());
    // Every member hears of a failure through its own `started` or `pushed`.
    pushed.catch(() => undefined);
    started.catch(() => turn.end());
    const group: WriteGroup = { started, members: 0, done: 0, pushed, finish };
    this.forming = group;
    return group;
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
