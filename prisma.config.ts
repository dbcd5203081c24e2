// Prisma CLI configuration (migrate deploy / diff). Chooses the schema and the
// migrations folder from DATABASE_URL: SQLite by default, PostgreSQL for
// postgresql:// URLs. Tooling, so it reads process.env directly.
import { defineConfig } from "prisma/config";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

const url = process.env.DATABASE_URL || "file:./.data/mailgate.db";
const isPostgres = /^postgres(ql)?:\/\//.test(url);

/**
 * adapter-pg 6.19 cannot deserialize the catalog type `name` (OID 19) that
 * `migrate deploy` reads, and fails with "Column type 'name' could not be
 * deserialized". Reporting those columns as text (OID 25) is exact for our
 * purposes. Installed only here, for the CLI; the app never runs it.
 */
function patchPgNameType() {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown; __mgPatched?: boolean };
  if (proto.__mgPatched) return;
  const original = proto.query;
  const fix = (res: unknown) => {
    for (const r of Array.isArray(res) ? res : [res]) {
      const fields = (r as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
      fields?.forEach((f) => { if (f.dataTypeID === 19) f.dataTypeID = 25; });
    }
    return res;
  };
  proto.query = function (this: unknown, ...args: unknown[]) {
    const cb = args[args.length - 1];
    if (typeof cb === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => cb(err, err ? res : fix(res));
      return original.apply(this, args);
    }
    const out = original.apply(this, args);
    return out && typeof (out as Promise<unknown>).then === "function" ? (out as Promise<unknown>).then(fix) : out;
  };
  proto.__mgPatched = true;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: isPostgres ? "prisma/postgresql/migrations" : "prisma/migrations" },
  async adapter() {
    if (isPostgres) {
      patchPgNameType();
      return new PrismaPg({ connectionString: url });
    }
    return new PrismaBetterSQLite3({ url });
  },
});
