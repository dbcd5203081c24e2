import { describe, expect, it } from "vitest";
import { ERROR_CODES, httpStatus, userText } from "@/lib/errors/codes";
import { failField, failWith } from "@/lib/errors/failure";
import { ok } from "@/lib/result";
import { apiFailure, json, readJsonBody, respond } from "./response";

describe("the JSON APIs' failures", () => {
  it.each(ERROR_CODES)("%s answers with the table's status and words", async (code) => {
    const response = apiFailure(failWith(code));
    expect(response.status).toBe(httpStatus(code));
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: { code, message: userText(code) } });
  });

  it("keeps a lib failure's own words and fields", async () => {
    const response = respond(failField("code", "That code is wrong.", "rate_limited"), () => json({}));
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ error: { code: "rate_limited", message: "That code is wrong.", fields: { code: ["That code is wrong."] } } });
    expect(respond(ok(1), (value) => json({ value }, 201)).status).toBe(201);
  });

  it("refuses unreadable bodies in the table's words", async () => {
    const post = (body: string, type = "application/json") => new Request("http://app.test/", { method: "POST", body, headers: { "content-type": type } });
    const refused = async (body: string, type?: string) => {
      const response = (await readJsonBody(post(body, type))) as Response;
      return { status: response.status, body: await response.json() };
    };
    expect(await refused("[1]")).toEqual({ status: 400, body: { error: { code: "invalid_json", message: userText("invalid_json") } } });
    expect(await refused("a=b", "text/plain")).toMatchObject({ status: 415, body: { error: { code: "unsupported_media_type" } } });
    expect(await refused("x".repeat(17 * 1024))).toMatchObject({ status: 413, body: { error: { code: "payload_too_large", message: "The body must be at most 16 KB." } } });
  });
});
