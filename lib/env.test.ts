import { describe, expect, it } from "vitest";
import { checkEnv, servingProblems } from "./env";

const SECRET = "s".repeat(32);
const problems = (source: Record<string, string>) => {
  const checked = checkEnv({ AUTH_SECRET: SECRET, ...source });
  return checked.ok ? [] : checked.problems;
};

describe("checkEnv", () => {
  it("names the variable in every problem, one each", () => {
    expect(problems({ AUTH_SECRET: "short", EMAIL_CONNECTOR: "smtp", DATABASE_URL: "mysql://x" })).toEqual([
      "DATABASE_URL: must be file:<path> (SQLite) or postgresql://user@host:5432/db",
      "AUTH_SECRET: must be at least 32 characters (e.g. `openssl rand -base64 32`)",
      "SMTP_HOST: is required when EMAIL_CONNECTOR=smtp",
    ]);
    expect(problems({ AUTH_SECRET: "" }).join()).toMatch(/^AUTH_SECRET: must be at least 32/);
    expect(checkEnv({}).ok).toBe(false);
    expect(problems({ DATABASE_URL: "postgresql://user@db:port/app" })[0]).toMatch(/^DATABASE_URL: /);
  });

  it("reads the proxy settings", () => {
    const ok = checkEnv({ AUTH_SECRET: SECRET, TRUSTED_PROXIES: " 10.0.0.0/8, 2001:db8::/32 ,192.0.2.1" });
    expect(ok.ok && ok.env.TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "2001:db8::/32", "192.0.2.1"]);
    const hops = checkEnv({ AUTH_SECRET: SECRET, TRUSTED_PROXY_HOPS: "2" });
    expect(hops.ok && hops.env.TRUSTED_PROXY_HOPS).toBe(2);
    expect(problems({ TRUSTED_PROXY_HOPS: "one" })).toEqual(["TRUSTED_PROXY_HOPS: must be a whole number of proxies (e.g. 1)"]);
    expect(problems({ TRUSTED_PROXY_HOPS: "1.5" })[0]).toMatch(/^TRUSTED_PROXY_HOPS: /);
    expect(problems({ TRUSTED_PROXIES: "10.0.0.0/33" })[0]).toMatch(/^TRUSTED_PROXIES: must be a comma-separated list/);
    expect(problems({ TRUSTED_PROXIES: "proxy.internal" })[0]).toMatch(/^TRUSTED_PROXIES: /);
    expect(problems({ TRUSTED_PROXY_HOPS: "1", TRUSTED_PROXIES: "10.0.0.1" })).toEqual(["TRUSTED_PROXIES: set either TRUSTED_PROXY_HOPS or TRUSTED_PROXIES, not both"]);
    expect(problems({ CLIENT_IP_HEADER: "x-forwarded-for" })[0]).toMatch(/^CLIENT_IP_HEADER: was removed: set TRUSTED_PROXY_HOPS=1/);
  });

  it("reads DNS_SERVERS for the sender domain doctor (unset: the system's resolvers)", () => {
    const set = checkEnv({ AUTH_SECRET: SECRET, DNS_SERVERS: "1.1.1.1, 127.0.0.1:5353,[2606:4700::1111]:53" });
    expect(set.ok && set.env.DNS_SERVERS).toEqual(["1.1.1.1", "127.0.0.1:5353", "[2606:4700::1111]:53"]);
    const unset = checkEnv({ AUTH_SECRET: SECRET, DNS_SERVERS: "" });
    expect(unset.ok && unset.env.DNS_SERVERS).toEqual([]);
    for (const bad of ["dns.google", "127.0.0.1:70000", "1.1.1.1:"]) expect(problems({ DNS_SERVERS: bad })[0]).toMatch(/^DNS_SERVERS: must be a comma-separated list/);
  });

  it("takes APP_URL as an origin, by default localhost on PORT", () => {
    const dflt = checkEnv({ AUTH_SECRET: SECRET, PORT: "4000" });
    expect(dflt.ok && dflt.env.APP_URL).toBe("http://localhost:4000");
    const set = checkEnv({ AUTH_SECRET: SECRET, APP_URL: "https://auth.acme.test/" });
    expect(set.ok && set.env.APP_URL).toBe("https://auth.acme.test");
    expect(problems({ APP_URL: "https://auth.acme.test/app" })[0]).toMatch(/^APP_URL: must be an origin/);
    expect(problems({ APP_URL: "javascript:alert(1)" })[0]).toMatch(/^APP_URL: /);
    expect(problems({ HOST: "my-laptop" })[0]).toMatch(/^HOST: /);
    expect(problems({ HOST: "0.0.0.0", PORT: "70000" })).toEqual(["PORT: must be a port number"]);
  });
});

describe("servingProblems", () => {
  const env = (source: Record<string, string>) => {
    const checked = checkEnv({ AUTH_SECRET: SECRET, ...source });
    if (!checked.ok) throw new Error(checked.problems.join());
    return checked.env;
  };

  it("refuses the dev mailbox in production unless opted in", () => {
    expect(servingProblems(env({ NODE_ENV: "production" }))[0]).toMatch(/^EMAIL_CONNECTOR: dev is refused in production/);
    expect(servingProblems(env({ NODE_ENV: "production", DEV_MAILBOX_IN_PRODUCTION: "true" }))).toEqual([]);
    expect(servingProblems(env({ NODE_ENV: "development" }))).toEqual([]);
  });
});
