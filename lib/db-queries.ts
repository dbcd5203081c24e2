import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Counts the SQL statements a piece of work sends to the database, at the
 * driver adapter (every statement Prisma sends, transactions' BEGIN and
 * COMMIT included: on PostgreSQL each one is a round trip). Outside
 * `recordQueries` it costs one lookup per statement. Used by the hot-path
 * tests, which fail when "request a code" or "verify a code" grows.
 */
const recording = new AsyncLocalStorage<string[]>();

export async function recordQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const queries: string[] = [];
  // Awaited inside: a Prisma query is lazy and would otherwise run after the context ended.
  const result = await recording.run(queries, async () => await work());
  return { result, queries };
}

/** For statements sent without the adapter (lib/db-direct.ts). */
export function noteQuery(sql: string): void {
  recording.getStore()?.push(sql);
}

type Query = { sql: string };
type Queryable = { queryRaw(q: Query): Promise<unknown>; executeRaw(q: Query): Promise<unknown> };
type Adapter = Queryable & { startTransaction(...args: never[]): Promise<Queryable> };

function count(target: Queryable): void {
  for (const method of ["queryRaw", "executeRaw"] as const) {
    const original = target[method].bind(target);
    target[method] = (query: Query) => {
      recording.getStore()?.push(query.sql);
      return original(query);
    };
  }
}

/** Wraps an adapter factory's connections so their statements can be counted. */
export function countedAdapter<F extends { connect(): Promise<unknown> }>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as Adapter;
    count(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args: never[]) => {
      recording.getStore()?.push("BEGIN");
      const tx = await startTransaction(...args);
      count(tx);
      return tx;
    };
    return adapter;
  };
  return factory;
}
