import { describe, expect, it } from "vitest";
import { malformedBody } from "./action-body";
import { httpStatus } from "../errors/codes";
import { refuseMalformed } from "./request-guard";

const head = (url: string, headers: Record<string, string> = {}, method = "POST") => ({ method, url, headers });

describe("refuseMalformed (front door)", () => {
  it.each([
    ["bad percent-encoding in a segment", head("/dev/mailbox/%ff", {}, "GET"), 400],
    ["truncated escape", head("/console/deliveries/%E2%82", {}, "GET"), 400],
    ["a body over 1 MB", head("/sign-in", { "content-length": String(1024 * 1024 + 1) }), 413],
    ["a body of unknown length", head("/sign-in", { "transfer-encoding": "chunked" }), 411],
    ["a Content-Length that is not a number", head("/sign-in", { "content-length": "12, 13" }), 400],
    ["multipart without a boundary", head("/sign-in", { "content-length": "1", "content-type": "multipart/form-data" }), 400],
  ])("refuses %s", (_, req, status) => {
    expect(httpStatus(refuseMalformed(req)!.code)).toBe(status);
  });

  it.each([
    ["a plain page", head("/sign-in", {}, "GET")],
    ["a valid escape and a bad one in the query", head("/dev/mailbox/%E2%82%AC?x=%ff", {}, "GET")],
    ["exactly 1 MB", head("/sign-in", { "content-length": String(1024 * 1024) })],
    ["multipart with a boundary", head("/sign-in", { "content-length": "9", "content-type": "multipart/form-data; boundary=----x" })],
    ["a quoted boundary", head("/sign-in", { "content-length": "9", "content-type": 'multipart/form-data; boundary="a b"' })],
  ])("lets through %s", (_, req) => {
    expect(refuseMalformed(req)).toBeNull();
  });
});

describe("malformedBody (proxy)", () => {
  const post = (body: BodyInit, headers: Record<string, string>) => new Request("http://app.test/sign-in", { method: "POST", body, headers });

  it("refuses action bodies Next cannot decode", async () => {
    expect(await malformedBody(post("not json", { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }))).toMatch(/not valid JSON/);
    expect(await malformedBody(post('{"a":1}', { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }))).toMatch(/JSON array/);
    expect(await malformedBody(post("garbage", { "content-type": "multipart/form-data; boundary=abc" }))).toMatch(/multipart/);
  });

  // It reads the proxy's copy of the body (Next gives the route its own): e2e posts every form through it.
  it("lets well-formed bodies through", async () => {
    const form = new FormData();
    form.append("email", "a@b.test");
    const request = new Request("http://app.test/sign-in", { method: "POST", body: form });
    expect(await malformedBody(request)).toBeNull();
    expect(await malformedBody(post('["$K1"]', { "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }))).toBeNull();
    expect(await malformedBody(post("a=b", { "content-type": "application/x-www-form-urlencoded" }))).toBeNull();
    expect(await malformedBody(new Request("http://app.test/", { method: "GET" }))).toBeNull();
  });
});
