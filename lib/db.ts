import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient, type Prisma } from "@/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/generated/postgresql/client";
import { env } from "@/lib/env";
import { serializeTransactions } from "@/lib/sqlite-serial";

/**
 * Both generated clients share one data model (the PostgreSQL schema is
 * derived from the SQLite one), so the SQLite client's type describes both.
 */
export type Db = SqliteClient;
/** The client inside `db.$transaction(async (tx) => …)`: functions that take part in a caller's transaction accept it. */
export type Tx = Prisma.TransactionClient;

function createDb(url: string): Db {
  if (/^postgres(ql)?:\/\//.test(url)) {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: serializeTransactions(new PrismaBetterSQLite3({ url })) });
}

// One client per process; dev hot reload would otherwise open a pool per edit.
const globalForDb = globalThis as unknown as { mailgateDb?: Db };
export const db: Db = globalForDb.mailgateDb ?? createDb(env.DATABASE_URL);
if (!globalForDb.mailgateDb) globalForDb.mailgateDb = db;
