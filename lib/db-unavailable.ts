import { userText, type ErrorCode } from "@/lib/errors/codes";

/**
 * "The database is not there right now", told apart from every other
 * database error, so that users get a 503 and "try again" instead of a bare
 * 500. Nothing server-only here: the error pages (client components) read the digest.
 */
export const DATABASE_UNAVAILABLE = "database_unavailable" satisfies ErrorCode;

/**
 * Thrown by lib/db.ts once a query failed on a connection fault (after the
 * one retry reads get). `digest` is what Next.js passes to an error page in
 * production, where the message itself is withheld.
 */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE;
  constructor(cause: unknown) {
    super(userText(DATABASE_UNAVAILABLE), { cause });
    this.name = "DatabaseUnavailableError";
  }
}

// Prisma: can't reach, timed out, server closed the connection, no connection free in the pool.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// What the driver adapters map connection faults to (adapter-pg, adapter-better-sqlite3).
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
// Node sockets under the PostgreSQL driver.
const NODE_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// The pg driver's own words when its socket went away (no code attached), and
// PostgreSQL's refusals of a new connection (55000 is too broad a code to go by).
const MESSAGES =
  /Connection terminated|connection error and is not queryable|Client was closed|terminating connection due to|Can't reach database server|Server has closed the connection|is not currently accepting connections|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01–57P03
 * (admin shutdown, crash shutdown, cannot connect now), 53300 (too many
 * connections). SQLite: the file cannot be written or read (read-only file
 * system or permissions, I/O error, cannot open, disk full) or stayed busy
 * past the timeout.
 */
function isFaultCode(code: string): boolean {
  if (PRISMA_CODES.has(code) || NODE_CODES.has(code)) return true;
  if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code) || code === "53300") return true;
  return /^SQLITE_(READONLY|IOERR|CANTOPEN|FULL|BUSY)/.test(code);
}

type Described = { code?: unknown; kind?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown; meta?: unknown };

/** The error, its causes and the driver adapter's description of it. */
function* layers(error: unknown): Generator<Described> {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const layer = current as Described;
    yield layer;
    const adapter = (layer.meta as { driverAdapterError?: { cause?: Described } } | undefined)?.driverAdapterError?.cause;
    if (adapter) yield adapter;
    current = layer.cause;
  }
}

/** Whether the error (or anything it wraps) says the database could not be reached or written. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const layer of layers(error)) {
    if (layer instanceof DatabaseUnavailableError) return true;
    if (typeof layer.kind === "string" && ADAPTER_KINDS.has(layer.kind)) return true;
    for (const code of [layer.code, layer.originalCode]) if (typeof code === "string" && isFaultCode(code)) return true;
    if (typeof layer.message === "string" && MESSAGES.test(layer.message)) return true;
  }
  return false;
}

/** One line for the log: the driver's code and words, not a stack per failed request during an outage. */
export function describeFault(error: unknown): string {
  const inner = error instanceof DatabaseUnavailableError ? error.cause : error;
  const { code, message } = (inner ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === "string" ? message.trim().split("\n").filter(Boolean).at(-1) : String(inner);
  return typeof code === "string" ? `${code}: ${text}` : (text ?? "unknown");
}

/**
 * A connection fault becomes a DatabaseUnavailableError (503, "try again").
 * `retry`: the work changes nothing, so it is tried once more first (a pool
 * hands out a fresh connection, and one dropped connection goes
 * unnoticed); a write is not, since whether it reached the database before
 * the connection died is unknown. Prisma's queries (lib/db.ts) and the
 * direct statements (lib/db-direct.ts) both go through this.
 */
export async function faultHandled<T>(run: () => Promise<T>, retry: boolean): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    if (!retry) throw new DatabaseUnavailableError(error);
    try {
      return await run();
    } catch (again) {
      throw isDatabaseUnavailable(again) ? new DatabaseUnavailableError(again) : again;
    }
  }
}
