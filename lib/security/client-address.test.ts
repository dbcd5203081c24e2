import { describe, expect, it } from "vitest";
import { clientAddressResolver, normalizeAddress, parseRange } from "./client-address";

describe("clientAddressResolver", () => {
  it("by default takes the socket and ignores any X-Forwarded-For", () => {
    const resolve = clientAddressResolver({});
    expect(resolve("198.51.100.7", "203.0.113.1")).toBe("198.51.100.7");
    expect(resolve("::ffff:198.51.100.7", undefined)).toBe("198.51.100.7");
    // A new forged address on every request still comes out as the one socket.
    const seen = new Set(Array.from({ length: 70 }, (_, i) => resolve("198.51.100.7", `203.0.113.${i}`)));
    expect([...seen]).toEqual(["198.51.100.7"]);
    expect(resolve(undefined, "203.0.113.1")).toBe("unknown");
  });

  it("with TRUSTED_PROXY_HOPS takes the address that many hops from the right", () => {
    const oneHop = clientAddressResolver({ hops: 1 });
    // The client forged the first entry; our proxy appended the real one.
    expect(oneHop("10.0.0.2", "6.6.6.6, 198.51.100.7")).toBe("198.51.100.7");
    expect(oneHop("10.0.0.2", "198.51.100.7")).toBe("198.51.100.7");
    // Direct to the app, nothing forwarded: the socket is all there is.
    expect(oneHop("198.51.100.9", undefined)).toBe("198.51.100.9");
    const twoHops = clientAddressResolver({ hops: 2 });
    expect(twoHops("10.0.0.3", "6.6.6.6, 198.51.100.7, 10.0.0.2")).toBe("198.51.100.7");
    expect(twoHops("10.0.0.3", "garbage, 10.0.0.2")).toBe("unknown");
  });

  it("with TRUSTED_PROXIES walks from the right past the proxies", () => {
    const resolve = clientAddressResolver({ proxies: ["10.0.0.0/8", "2001:db8::/32", "192.0.2.10"] });
    expect(resolve("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.1.2.3")).toBe("198.51.100.7");
    expect(resolve("::ffff:10.0.0.2", "2001:db8::1:0:0:7, 2001:db8::5")).toBe("2001:db8::1:0:0:7");
    expect(resolve("192.0.2.10", "[2001:db9::1]:443")).toBe("2001:db9::1");
    // The socket itself is not a proxy: the request came straight from the client.
    expect(resolve("198.51.100.9", "6.6.6.6")).toBe("198.51.100.9");
    // Only proxies in the chain (an internal health check): the leftmost one.
    expect(resolve("10.0.0.2", "10.9.9.9")).toBe("10.9.9.9");
    expect(resolve("10.0.0.2", "not-an-ip")).toBe("unknown");
  });
});

describe("address parsing", () => {
  it.each([
    ["198.51.100.7", "198.51.100.7"],
    [" 198.51.100.7:5555 ", "198.51.100.7"],
    ["::ffff:198.51.100.7", "198.51.100.7"],
    ["[2001:db8::1]:8080", "2001:db8::1"],
    ["2001:DB8:0:0:0:0:0:1", "2001:db8::1"],
    ["fe80::1%eth0", "fe80::1"],
    ["127.1", null],
    ["0x7f.0.0.1", null],
    ["evil.test", null],
    ["", null],
  ])("%j → %j", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it("reads CIDR ranges and bare addresses", () => {
    expect(parseRange("10.0.0.0/8")[1]).toBe(8);
    expect(parseRange("192.0.2.10")[1]).toBe(32);
    expect(parseRange("::1")[1]).toBe(128);
    expect(() => parseRange("10.0.0.0/33")).toThrow();
  });
});
