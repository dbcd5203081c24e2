import { describe, expect, it } from "vitest";
import { DatabaseUnavailableError, describeFault, isDatabaseUnavailable } from "./db-unavailable";

/*
 * The shapes seen from the real drivers here (tests/integration/database-faults.test.ts
 * produces them live): Prisma errors, the adapters' DriverAdapterError and the drivers' own.
 */
const prisma = (code: string, cause?: object) => Object.assign(new Error("Invalid `db.user.update()` invocation"), { code, meta: cause && { driverAdapterError: { cause } } });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["PostgreSQL backend terminated", prisma("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01" })],
    ["PostgreSQL unreachable", prisma("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5499 })],
    ["database refusing connections", Object.assign(new Error('database "x" is not currently accepting connections'), { cause: { originalCode: "55000" } })],
    ["pg client after its socket died", new Error("Client has encountered a connection error and is not queryable")],
    ["pg socket reset", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    ["SQLite opened read-only", prisma("SQLITE_READONLY")],
    ["SQLite write refused by the file system", Object.assign(new Error("disk I/O error"), { code: "SQLITE_IOERR_WRITE" })],
    ["already classified", new DatabaseUnavailableError(new Error("x"))],
    ["wrapped further down", new Error("outer", { cause: prisma("P1017") })],
  ])("%s: yes", (_, error) => expect(isDatabaseUnavailable(error)).toBe(true));

  it.each([
    ["unique constraint", prisma("P2002")],
    ["no such table", prisma("P2010", { kind: "TableDoesNotExist", originalCode: "SQLITE_ERROR" })],
    ["validation", new Error("Argument `id`: Invalid value provided.")],
    ["a 55000 that is not about connecting", Object.assign(new Error("cannot refresh materialized view concurrently"), { code: "55000" })],
    ["not an error", "boom"],
  ])("%s: no", (_, error) => expect(isDatabaseUnavailable(error)).toBe(false));

  it("logs one line: the driver's code and last words", () => {
    expect(describeFault(new DatabaseUnavailableError(prisma("SQLITE_READONLY")))).toBe("SQLITE_READONLY: Invalid `db.user.update()` invocation");
  });
});
