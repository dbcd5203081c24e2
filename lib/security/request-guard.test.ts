import { describe, expect, it } from "vitest";
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
