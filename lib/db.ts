import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient, type Prisma } from "@/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/generated/postgresql/client";
import { env } from "@/lib/env";
import { countedAdapter } from "@/lib/db-queries";
import { serializeTransactions } from "@/lib/sqlite-serial";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "@/lib/db-unavailable";

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

function createDb(url: string): Db {
  if (/^postgres(ql)?:\/\//.test(url)) {
    return new PostgresClient({ adapter: countedAdapter(new PrismaPg({ connectionString: url })) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: countedAdapter(serializeTransactions(new PrismaBetterSQLite3({ url }))) });
}

// One client per process; dev hot reload would otherwise open a pool per edit.
const globalForDb = globalThis as unknown as { mailgateDb?: Db };
export const db: Db = globalForDb.mailgateDb ?? withFaultHandling(createDb(env.DATABASE_URL));
if (!globalForDb.mailgateDb) globalForDb.mailgateDb = db;
