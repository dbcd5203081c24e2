import type { KeepAlive } from "../types";

/**
 * Connections kept open between sends: one pool per owner (the saved
 * connector, the environment's) per kind of connection (the SMTP server, an
 * API's origin), for that owner's current configuration only. A new
 * configuration key retires every pool of the old one; so do an idle spell
 * and old age (a pool connects to the addresses checked when it was made, so
 * its age bounds how long a changed DNS answer goes unnoticed). A retired
 * pool is closed once the sends using it are done.
 */

/** What a pool hands to a send, and how to end it. */
export type Pooled<T> = {
  resource: T;
  /** Closes gracefully: what is in flight may finish. */
  close(): void;
  /** `true` while some send uses the pool: idle connections must not keep the process alive. */
  hold?(inUse: boolean): void;
  /** `false` once it can no longer serve a send: the next send gets a new pool. */
  usable?(): boolean;
};

export type PoolLimits = { idleMs: number; maxAgeMs: number };

/**
 * An idle SMTP pool closes before common servers close its sessions
 * (smtp-server after 60 s, Postfix 300 s); HTTP sockets have their own,
 * shorter idle timeout (net/pinned-dispatcher.ts). Ten minutes at most per pool.
 */
export const POOL_LIMITS: PoolLimits = { idleMs: 30_000, maxAgeMs: 10 * 60_000 };

type Entry = {
  ready: Promise<Pooled<unknown>>;
  pooled?: Pooled<unknown>;
  /** Sends using it now. */
  users: number;
  held: boolean;
  createdAt: number;
  retired: boolean;
  idle?: NodeJS.Timeout;
};
type Slot = { configKey: string; entries: Map<string, Entry> };

export type PoolRegistry = ReturnType<typeof createPoolRegistry>;

export function createPoolRegistry(limits: PoolLimits = POOL_LIMITS) {
  const slots = new Map<string, Slot>();

  const shut = (entry: Entry) => {
    clearTimeout(entry.idle);
    entry.ready.then((pooled) => pooled.close(), () => undefined);
  };
  const retire = (slot: Slot, kind: string, entry: Entry) => {
    if (slot.entries.get(kind) === entry) slot.entries.delete(kind);
    entry.retired = true;
    if (entry.users === 0) shut(entry);
  };
  const retireOwner = (owner: string) => {
    const slot = slots.get(owner);
    slots.delete(owner);
    for (const [kind, entry] of slot?.entries ?? []) retire(slot!, kind, entry);
  };

  function entryFor(keepAlive: KeepAlive, kind: string, open: () => Promise<Pooled<unknown>>): { slot: Slot; entry: Entry } {
    let slot = slots.get(keepAlive.owner);
    if (slot && slot.configKey !== keepAlive.configKey) retireOwner(keepAlive.owner);
    slot = slots.get(keepAlive.owner) ?? { configKey: keepAlive.configKey, entries: new Map() };
    slots.set(keepAlive.owner, slot);
    let entry = slot.entries.get(kind);
    if (entry && (Date.now() - entry.createdAt > limits.maxAgeMs || entry.pooled?.usable?.() === false)) retire(slot, kind, entry);
    entry = slot.entries.get(kind);
    if (!entry) {
      const made: Entry = { ready: open(), users: 0, held: false, createdAt: Date.now(), retired: false };
      made.ready.then(
        (pooled) => (made.pooled = pooled),
        // A refused or unreachable target is not kept: the next send checks again.
        () => slot.entries.get(kind) === made && slot.entries.delete(kind),
      );
      slot.entries.set(kind, (entry = made));
    }
    return { slot, entry };
  }

  /** Runs `send` with the owner's pool of this kind, opened by `open` when there is none (or it is too old). */
  async function run<T, R>(keepAlive: KeepAlive, kind: string, open: () => Promise<Pooled<T>>, send: (resource: T) => Promise<R>): Promise<R> {
    const { slot, entry } = entryFor(keepAlive, kind, open as () => Promise<Pooled<unknown>>);
    entry.users += 1;
    clearTimeout(entry.idle);
    let pooled: Pooled<T>;
    try {
      pooled = (await entry.ready) as Pooled<T>;
    } catch (error) {
      entry.users -= 1;
      throw error;
    }
    if (!entry.held) {
      entry.held = true;
      pooled.hold?.(true);
    }
    try {
      return await send(pooled.resource);
    } finally {
      entry.users -= 1;
      if (entry.users === 0) release(slot, kind, entry, pooled);
    }
  }

  function release(slot: Slot, kind: string, entry: Entry, pooled: Pooled<unknown>) {
    entry.held = false;
    pooled.hold?.(false);
    if (entry.retired) return shut(entry);
    entry.idle = setTimeout(() => retire(slot, kind, entry), limits.idleMs);
    entry.idle.unref();
  }

  return {
    run,
    /** Closes the owner's pools (its saved configuration was deleted or replaced). */
    closeOwner: retireOwner,
    closeAll: () => [...slots.keys()].forEach(retireOwner),
    /** The kinds of pool an owner has open, for tests and diagnostics. */
    kinds: (owner: string) => [...(slots.get(owner)?.entries.keys() ?? [])],
  };
}

/**
 * The process's registry. On globalThis: Next.js may load this module more
 * than once (server actions, route handlers, the instrumentation hook), and
 * two registries would mean two pools for one configuration.
 */
const holder = globalThis as unknown as Record<symbol, PoolRegistry | undefined>;
export const pools: PoolRegistry = (holder[Symbol.for("mailgate.connection-pools")] ??= createPoolRegistry());

/**
 * Runs `send` with connections from the owner's pool, or, without
 * `keepAlive`, with connections opened for this send and closed after it.
 */
export async function withConnections<T, R>(
  keepAlive: KeepAlive | undefined,
  kind: string,
  open: (pooled: boolean) => Promise<Pooled<T>>,
  send: (resource: T) => Promise<R>,
): Promise<R> {
  if (keepAlive) return pools.run(keepAlive, kind, () => open(true), send);
  const oneOff = await open(false);
  try {
    return await send(oneOff.resource);
  } finally {
    oneOff.close();
  }
}
