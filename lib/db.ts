import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient as SqliteClient, type Prisma } from "@/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/generated/postgresql/client";
import { env } from "@/lib/env";
import { countedAdapter } from "@/lib/db-queries";
import { serializeTransactions } from "@/lib/sqlite-serial";
import { faultHandled } from "@/lib/db-unavailable";
import { postgresDirect, sqliteDirect, type DirectDb, type Sql, type SqlArg, type SqliteConnection } from "@/lib/db-direct";

/**
 * Both generated clients share one data model (the PostgreSQL schema is
 * derived from the SQLite one), so the SQLite client's type describes both.
 */
export type Db = SqliteClient;
/** The client inside `db.$transaction(async (tx) => …)`: functions that take part in a caller's transaction accept it. */
export type Tx = Prisma.TransactionClient;

/** Operations that change nothing, so running one twice is safe. */
const READS = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany", "count", "aggregate", "groupBy"]);

/** Connection faults become "database unavailable"; reads are retried once first (faultHandled). */
function withFaultHandling(client: Db): Db {
  const extended = client.$extends({
    query: {
      $allOperations: ({ operation, args, query }) => faultHandled(() => query(args), READS.has(operation)),
    },
  });
  // A query extension changes behaviour, not the client's API.
  return extended as unknown as Db;
}

type Databases = { db: Db; sql: DirectDb };

/** Hands each connection Prisma's adapter opens to `seen` (Prisma opens one on first use, and again after $disconnect). */
function onConnect<F extends { connect(): Promise<unknown> }>(factory: F, seen: (adapter: unknown) => void): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    seen(adapter);
    return adapter;
  };
  return factory;
}

/**
 * The direct statements use the connection Prisma has open (lib/db-direct.ts):
 * when there is none yet, or the last one was closed by $disconnect, they
 * open one the way Prisma's first query would.
 */
function current<C>(client: Db, open: () => C | undefined, label: string): () => Promise<C> {
  return async () => {
    let connection = open();
    if (!connection) {
      await client.$connect();
      connection = open();
    }
    if (!connection) throw new Error(`database: the ${label} connection did not open`);
    return connection;
  };
}

function createDb(url: string): Databases {
  if (/^postgres(ql)?:\/\//.test(url)) {
    // The adapter's own pool: its underlying driver.
    let pool: pg.Pool | undefined;
    const factory = onConnect(new PrismaPg({ connectionString: url }), (adapter) => (pool = (adapter as { underlyingDriver(): pg.Pool }).underlyingDriver()));
    const client = new PostgresClient({ adapter: countedAdapter(factory) }) as unknown as Db;
    return { db: client, sql: postgresDirect(current(client, () => (pool && !pool.ended ? pool : undefined), "PostgreSQL")) };
  }
  let connection: SqliteConnection | undefined;
  const client = new SqliteClient({ adapter: countedAdapter(serializeTransactions(new PrismaBetterSQLite3({ url }), (c) => (connection = c))) });
  return { db: client, sql: sqliteDirect(current(client, () => (connection?.database.open ? connection : undefined), "SQLite")) };
}

// One client per process; dev hot reload would otherwise open a pool per edit.
const globalForDb = globalThis as unknown as { mailgateDatabases?: Databases };
const databases = globalForDb.mailgateDatabases ?? (() => {
  const created = createDb(env.DATABASE_URL);
  return { db: withFaultHandling(created.db), sql: created.sql };
})();
if (!globalForDb.mailgateDatabases) globalForDb.mailgateDatabases = databases;

export const db: Db = databases.db;
/** The hot paths' statements, straight to the driver on the same connections (lib/db-direct.ts). */
export const sql: DirectDb = databases.sql;

/** What a function that can take part in a caller's transaction accepts: a Prisma one, or a direct one (`sql.transaction`). */
export type Client = Tx | Sql;

/**
 * The same statements inside a caller's transaction (functions that take
 * part in one accept `client: Client = db`), or straight to the driver
 * outside one.
 */
export function sqlFor(client: Client | Db): Sql {
  if (client === db) return sql;
  if (!("$queryRawUnsafe" in client)) return client;
  return {
    query: <T>(text: string, ...args: SqlArg[]) => client.$queryRawUnsafe<T[]>(text, ...args),
    execute: (text: string, ...args: SqlArg[]) => client.$executeRawUnsafe(text, ...args),
  };
}
