import "server-only";
import type { Database, Statement } from "better-sqlite3";
import pg, { type CustomTypesConfig, type Pool, type PoolClient } from "pg";
import { DatabaseUnavailableError, faultHandled, isDatabaseUnavailable } from "@/lib/db-unavailable";
import { noteQuery } from "@/lib/db-queries";

/**
 * The hot paths' statements (request a code, verify it, get a session),
 * sent straight to the driver instead of through the Prisma client: on
 * Prisma 6's JS engine every statement is compiled afresh by its
 * WebAssembly query compiler and prepared afresh by the adapter, about
 * 1 ms of CPU each, which was a quarter of the server's time on those
 * paths. Here SQLite's statements are prepared once and reused; PostgreSQL's
 * are sent unnamed, as Prisma's adapter sends them, so a transaction-mode
 * pooler in front of the database (PgBouncer, Supavisor) keeps working.
 *
 * Same connections as Prisma (lib/db.ts): SQLite's one connection, behind
 * the lock that keeps other statements out of an open transaction
 * (lib/sqlite-serial.ts), and PostgreSQL's pool. Same SQL in both
 * dialects, with `param(n)` placeholders (lib/db-sql.ts); dates are written
 * as Prisma writes them and read back as `Date | string` (SQLite keeps
 * text), integers as `number | bigint` (and PostgreSQL's COUNT as a
 * string): read them with `Number()`, as the callers of `$queryRawUnsafe` did. Faults
 * are handled as lib/db.ts handles Prisma's: a read is retried once, then
 * "database unavailable"; a write is not retried.
 */
export type SqlArg = string | number | bigint | boolean | Date | null;

export type Sql = {
  /** Rows of a SELECT or of a write with RETURNING. */
  query<T>(text: string, ...args: SqlArg[]): Promise<T[]>;
  /** Rows changed. */
  execute(text: string, ...args: SqlArg[]): Promise<number>;
};

/**
 * Outside a transaction; `transaction` commits when `work` resolves and rolls
 * back when it throws. Inside `work`, only its `tx`: on SQLite, any other
 * statement (Prisma's or direct) would wait for this transaction to end, so it
 * throws instead (lib/sqlite-serial.ts).
 */
export type DirectDb = Sql & { transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> };

/** Only a SELECT is retried on a connection fault: a write with RETURNING may have landed. */
const isRead = (text: string) => /^\s*SELECT\b/i.test(text);

/** BEGIN, the work, COMMIT; `rollBack` when either of the last two throws. */
async function inTransaction<T>(tx: Sql, work: (tx: Sql) => Promise<T>, rollBack: () => unknown): Promise<T> {
  await tx.execute("BEGIN");
  try {
    const result = await work(tx);
    await tx.execute("COMMIT");
    return result;
  } catch (error) {
    await rollBack();
    throw error;
  }
}

// ── SQLite ──────────────────────────────────────────────────────────────

/** Prisma's SQLite adapter writes a DateTime as ISO 8601 text with +00:00, booleans as 0/1. */
const sqliteArg = (arg: SqlArg) => (arg instanceof Date ? arg.toISOString().replace("Z", "+00:00") : typeof arg === "boolean" ? (arg ? 1 : 0) : arg);

/** What lib/sqlite-serial.ts hands over once Prisma has opened the file. */
export type SqliteConnection = { database: Database; exclusive: <R>(work: () => Promise<R>) => Promise<R> };

export function sqliteDirect(connection: () => Promise<SqliteConnection>): DirectDb {
  // The hot statements are a fixed, small set of texts; the bound only guards against misuse. Per
  // connection: after a disconnect, Prisma opens a new one and the old one's statements are dead.
  const byConnection = new WeakMap<Database, Map<string, Statement>>();
  const prepared = (database: Database, text: string) => {
    let statements = byConnection.get(database);
    if (!statements) byConnection.set(database, (statements = new Map()));
    let statement = statements.get(text);
    if (!statement) {
      if (statements.size >= 200) statements.clear();
      statement = database.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };
  const inside = (database: Database): Sql => ({
    async query<T>(text: string, ...args: SqlArg[]) {
      noteQuery(text);
      const statement = prepared(database, text);
      const values = args.map(sqliteArg);
      if (!statement.reader) {
        statement.run(...values);
        return [];
      }
      return statement.all(...values) as T[];
    },
    async execute(text: string, ...args: SqlArg[]) {
      noteQuery(text);
      return prepared(database, text).run(...args.map(sqliteArg)).changes;
    },
  });
  const outside = async <T>(text: string, work: (sql: Sql) => Promise<T>) => {
    const { database, exclusive } = await connection();
    return faultHandled(() => exclusive(() => work(inside(database))), isRead(text));
  };
  return {
    query: (text, ...args) => outside(text, (sql) => sql.query(text, ...args)),
    execute: (text, ...args) => outside(text, (sql) => sql.execute(text, ...args)),
    async transaction(work) {
      const { database, exclusive } = await connection();
      const rollBack = () => database.inTransaction && database.prepare("ROLLBACK").run();
      return faultHandled(() => exclusive(() => inTransaction(inside(database), work, rollBack)), false);
    },
  };
}

// ── PostgreSQL ──────────────────────────────────────────────────────────

const TIMESTAMP = 1114;
/**
 * Prisma's DateTime is `timestamp(3)` without a time zone, holding UTC: read
 * it as UTC whatever the server's zone (pg would read local time). Written
 * as ISO text, whose "Z" PostgreSQL ignores for such a column.
 */
const readUtc = (value: string) => new Date(`${value.replace(" ", "T")}Z`);
const types: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP ? readUtc : pg.types.getTypeParser(oid, format as "text")) as CustomTypesConfig["getTypeParser"],
};

const pgArg = (arg: SqlArg) => (arg instanceof Date ? arg.toISOString() : typeof arg === "bigint" ? arg.toString() : arg);

export function postgresDirect(connection: () => Promise<Pool>): DirectDb {
  const run = (client: Pool | PoolClient) => ({
    async query<T>(text: string, ...args: SqlArg[]) {
      noteQuery(text);
      const result = await client.query({ text, values: args.map(pgArg), types });
      return result.rows as T[];
    },
    async execute(text: string, ...args: SqlArg[]) {
      noteQuery(text);
      const result = await client.query({ text, values: args.map(pgArg), types });
      return result.rowCount ?? 0;
    },
  });
  return {
    query: (text, ...args) => faultHandled(async () => run(await connection()).query(text, ...args), isRead(text)),
    execute: (text, ...args) => faultHandled(async () => run(await connection()).execute(text, ...args), false),
    async transaction(work) {
      const client = await faultHandled(async () => (await connection()).connect(), false);
      let broken: unknown;
      // A checked-out connection that dies emits "error" (the pool listens only to idle ones): without a
      // listener that is an uncaught exception. The query in progress fails with it anyway.
      const onError = (error: Error) => (broken = error);
      client.on("error", onError);
      try {
        return await inTransaction(run(client), work, () => client.query("ROLLBACK").catch((rollback: unknown) => (broken = rollback)));
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          broken ??= error;
          throw new DatabaseUnavailableError(error);
        }
        throw error;
      } finally {
        client.off("error", onError);
        // A connection that failed mid-transaction is not handed out again.
        client.release(broken instanceof Error ? broken : broken ? new Error("connection broken") : undefined);
      }
    },
  };
}
