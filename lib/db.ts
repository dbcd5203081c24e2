import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqliteClient, type Prisma } from "@/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/generated/postgresql/client";
import { env } from "@/lib/env";
import { countedAdapter } from "@/lib/db-queries";
import { serializeTransactions } from "@/lib/sqlite-serial";
import { DatabaseUnavailableError, describeFault, isDatabaseUnavailable } from "@/lib/db-unavailable";
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

/**
 * A connection fault (a PostgreSQL backend terminated, a pooled socket gone
 * stale, the SQLite file unwritable) becomes a DatabaseUnavailableError,
 * which the pages, actions and API answer with "try again" (503). A read
 * is first retried once: the pool hands out a fresh connection, and a
 * single dropped connection goes unnoticed. Writes are not retried: whether
 * one reached the database before the connection died is unknown.
 */
function withFaultHandling(client: Db): Db {
  const extended = client.$extends({
    query: {
      async $allOperations({ operation, args, query }) {
        try {
          return await query(args);
        } catch (error) {
          if (!isDatabaseUnavailable(error)) throw error;
          if (!READS.has(operation)) throw new DatabaseUnavailableError(error);
          try {
            return await query(args);
          } catch (again) {
            throw isDatabaseUnavailable(again) ? new DatabaseUnavailableError(again) : again;
          }
        }
      },
    },
  });
  // A query extension changes behaviour, not the client's API.
  return extended as unknown as Db;
}

type Databases = { db: Db; sql: DirectDb };

function createDb(url: string): Databases {
  if (/^postgres(ql)?:\/\//.test(url)) {
    // One pool for Prisma and the direct statements; $disconnect ends it.
    const pool = new pg.Pool({ connectionString: url });
    // An idle connection dropped by the server must not crash the process (the next query reconnects).
    pool.on("error", (error) => console.error("database: idle connection lost:", describeFault(error)));
    const client = new PostgresClient({ adapter: countedAdapter(new PrismaPg(pool, { disposeExternalPool: true })) }) as unknown as Db;
    return { db: client, sql: postgresDirect(pool) };
  }
  let connection: SqliteConnection | undefined;
  const client = new SqliteClient({ adapter: countedAdapter(serializeTransactions(new PrismaBetterSQLite3({ url }), (c) => (connection = c))) });
  // Prisma opens the file on its first query; a direct statement that comes first opens it the same way.
  const connected = async () => {
    if (!connection) await client.$connect();
    if (!connection) throw new Error("database: the SQLite connection did not open");
    return connection;
  };
  return { db: client, sql: sqliteDirect(connected) };
}

// One client per process; dev hot reload would otherwise open a pool per edit.
const globalForDb = globalThis as unknown as { mailgateDb?: Databases };
const databases = globalForDb.mailgateDb ?? (() => {
  const created = createDb(env.DATABASE_URL);
  return { db: withFaultHandling(created.db), sql: created.sql };
})();
if (!globalForDb.mailgateDb) globalForDb.mailgateDb = databases;

export const db: Db = databases.db;
/** The hot paths' statements, straight to the driver on the same connections (lib/db-direct.ts). */
export const sql: DirectDb = databases.sql;

/**
 * The same statements inside a caller's Prisma transaction (functions that
 * take part in one accept `client: Tx = db`), or straight to the driver
 * outside one.
 */
export function sqlFor(client: Tx | Db): Sql {
  if (client === db) return sql;
  return {
    query: <T>(text: string, ...args: SqlArg[]) => client.$queryRawUnsafe<T[]>(text, ...args),
    execute: (text: string, ...args: SqlArg[]) => client.$executeRawUnsafe(text, ...args),
  };
}
