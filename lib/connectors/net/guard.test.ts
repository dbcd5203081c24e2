import { afterEach, describe, expect, it, vi } from "vitest";
import { ConnectorError } from "../types";
import { checkedAddresses, dns, guardedLookup, pinnedLookup, type TargetGuard } from "./guard";
import { nonPublicKind } from "./private-address";

const guard: TargetGuard = { what: "the Acme API", check: "the base URL", allowPrivateTargets: false, timeoutMs: 2000 };

afterEach(() => {
  vi.restoreAllMocks();
});

describe("nonPublicKind", () => {
  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "172.32.0.1",
    "100.128.0.1",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
    "::ffff:0:808:808",
  ])("%s is public", (address) => {
    expect(nonPublicKind(address)).toBeNull();
  });

  it.each([
    ["127.1.2.3", "loopback"],
    ["172.31.255.255", "private"],
    ["169.254.169.254", "link-local"],
    ["255.255.255.255", "broadcast"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["::ffff:0:0", "unspecified"],
    ["64:ff9b::a00:1", "private"],
    ["2002:a00:1::", "private"],
    ["::127.0.0.1", "loopback"],
    ["fe80::1%eth0", "link-local"],
    ["febf::1", "link-local"],
    ["fc00::1", "unique local"],
    ["ff02::1", "multicast"],
    ["not-an-ip", "not an IP"],
    // Ranges the hand-written table missed; ipaddr.js knows them.
    ["2001::1", "Teredo"],
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"],
    ["64:ff9b:1::a00:1", "local NAT64"],
    ["::ffff:0:7f00:1", "loopback"],
    ["2001:2::1", "benchmarking"],
    ["3fff::1", "reserved"],
    ["5f00::1", "special-purpose"],
    ["192.88.99.1", "reserved"],
    ["2001:db8::1", "reserved"],
  ])("%s is refused (%s)", (address, kind) => {
    expect(nonPublicKind(address)).toContain(kind);
  });
});

describe("checkedAddresses", () => {
  it("refuses an IP address and a name by the address they are, naming the switch", async () => {
    await expect(checkedAddresses("[::1]", guard)).rejects.toMatchObject({
      code: "invalid_config",
      message: expect.stringMatching(/^The Acme API ::1 is a loopback address; enable "Allow private network targets" only if/),
    });
    vi.spyOn(dns, "resolve").mockResolvedValue([{ address: "169.254.169.254", family: 4 }]);
    await expect(checkedAddresses("metadata.mailgate.test", guard)).rejects.toMatchObject({
      code: "invalid_config",
      message: expect.stringContaining("The Acme API host metadata.mailgate.test resolves to a link-local address (cloud metadata services live here) (169.254.169.254)"),
    });
  });

  it("checks every address of a name, not just the first", async () => {
    vi.spyOn(dns, "resolve").mockResolvedValue([
      { address: "2606:4700:4700::1111", family: 6 },
      { address: "fd12:3456::1", family: 6 },
    ]);
    await expect(checkedAddresses("mixed.mailgate.test", guard)).rejects.toThrow(/unique local.*fd12:3456::1/);
  });

  it("allows them when the connector allows private targets, and returns what it checked", async () => {
    vi.spyOn(dns, "resolve").mockResolvedValue([{ address: "10.1.2.3", family: 4 }]);
    await expect(checkedAddresses("relay.internal", { ...guard, allowPrivateTargets: true })).resolves.toEqual([{ address: "10.1.2.3", family: 4 }]);
  });

  it("an unknown host → invalid_config; a DNS failure → transient; a slow resolver → transient within the deadline", async () => {
    vi.spyOn(dns, "resolve").mockRejectedValueOnce(Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" }));
    await expect(checkedAddresses("nowhere.mailgate.test", guard)).rejects.toMatchObject({ code: "invalid_config", message: "The Acme API host nowhere.mailgate.test was not found; check the base URL." });
    vi.spyOn(dns, "resolve").mockRejectedValueOnce(Object.assign(new Error("getaddrinfo EAI_AGAIN"), { code: "EAI_AGAIN" }));
    await expect(checkedAddresses("flaky.mailgate.test", guard)).rejects.toMatchObject({ code: "transient" });
    vi.spyOn(dns, "resolve").mockImplementationOnce(() => new Promise(() => undefined));
    const started = Date.now();
    await expect(checkedAddresses("slow.mailgate.test", { ...guard, timeoutMs: 200 })).rejects.toMatchObject({ code: "transient" });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("pinnedLookup and guardedLookup", () => {
  const lookup = (fn: ReturnType<typeof pinnedLookup>, host: string, options: { all?: boolean; family?: number }) =>
    new Promise<unknown>((resolve, reject) =>
      fn(host, options as never, (error: unknown, address: unknown, family?: unknown) => (error ? reject(error) : resolve(options.all ? address : { address, family }))),
    );

  it("answers with the checked addresses for the checked host only", async () => {
    const pinned = pinnedLookup("API.Mailgate.test", [{ address: "203.0.113.9", family: 4 }, { address: "2001:db8::9", family: 6 }]);
    await expect(lookup(pinned, "api.mailgate.test", { all: true })).resolves.toEqual([{ address: "203.0.113.9", family: 4 }, { address: "2001:db8::9", family: 6 }]);
    await expect(lookup(pinned, "api.mailgate.test.", { family: 6 })).resolves.toEqual({ address: "2001:db8::9", family: 6 });
    await expect(lookup(pinned, "other.mailgate.test", { all: true })).rejects.toMatchObject({ code: "ENOTFOUND" });
  });

  it("a guarded lookup refuses with the ConnectorError itself, and resolves once per connection", async () => {
    const resolve = vi.spyOn(dns, "resolve").mockResolvedValue([{ address: "127.0.0.1", family: 4 }]);
    const error = await lookup(guardedLookup(guard), "loopback.mailgate.test", { all: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    await expect(lookup(guardedLookup({ ...guard, allowPrivateTargets: true }), "loopback.mailgate.test", { all: true })).resolves.toEqual([{ address: "127.0.0.1", family: 4 }]);
    expect(resolve).toHaveBeenCalledTimes(2);
  });
});
