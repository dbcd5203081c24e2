import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type { Database } from "better-sqlite3";
import type { SqliteConnection } from "./db-direct";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * The SQLite adapter runs every query of the process on one connection and
 * only makes transactions wait for each other: a query from another request
 * that arrives while an interactive transaction is open (its queries await
 * between statements) runs inside that transaction, is committed with it,
 * or is rolled back with it. This makes such queries wait until the open
 * transaction ends, as a one-connection pool would. `onConnect` receives
 * the connection and that lock, for the statements lib/db-direct.ts sends
 * on the same connection.
 */
export function serializeTransactions(factory: PrismaBetterSQLite3, onConnect?: (connection: SqliteConnection) => void): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => wrap(await connect(), onConnect);
  return factory;
}

const holding = new AsyncLocalStorage<true>();
const NESTED = "SQLite: a statement was sent outside the transaction this work holds (it would wait for that transaction forever); inside a transaction, use its own client";

function wrap(adapter: Adapter, onConnect?: (connection: SqliteConnection) => void): Adapter {
  let tail: Promise<void> = Promise.resolve();
  /** Resolves, in arrival order, with the function that lets the next one in. */
  const acquire = (): Promise<() => void> => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = tail;
    tail = previous.then(() => held);
    return previous.then(() => release);
  };
  const exclusive = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      // Work that holds the connection (a direct transaction) and asks for it again would wait for itself forever.
      if (holding.getStore()) throw new Error(NESTED);
      const release = await acquire();
      try {
        return await holding.run(true, () => fn(...args));
      } finally {
        release();
      }
    };

  // The adapter's better-sqlite3 handle (not part of its typed surface).
  onConnect?.({ database: (adapter as unknown as { client: Database }).client, exclusive: (work) => exclusive(work)() });

  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const executeScript = adapter.executeScript.bind(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.queryRaw = exclusive(queryRaw);
  adapter.executeRaw = exclusive(executeRaw);
  adapter.executeScript = exclusive(executeScript);
  adapter.startTransaction = async (isolationLevel) => {
    const release = await acquire();
    let tx: Transaction;
    try {
      tx = await startTransaction(isolationLevel);
    } catch (error) {
      release();
      throw error;
    }
    // Prisma sends COMMIT/ROLLBACK through the transaction, then calls these.
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    tx.commit = () => commit().finally(release);
    tx.rollback = () => rollback().finally(release);
    return tx;
  };
  return adapter;
}
