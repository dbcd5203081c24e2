import { describe, expect, it } from "vitest";
import {
  bucketByHour,
  chartStart,
  chartSummary,
  decodeCursor,
  deliveriesHref,
  encodeCursor,
  hideCodes,
  maskRecipient,
  parseDeliveryQuery,
  previewDocument,
  PREVIEW_CSP,
  retryRefusal,
  truncate,
  type ChartRow,
} from "./deliveries-view";

describe("maskRecipient", () => {
  it.each([
    ["keeps the first and last character of the local part", "alice@example.com", "a•••e@example.com"],
    ["keeps the whole domain", "grace@mail.corp.example.co.jp", "g•••e@mail.corp.example.co.jp"],
    ["hides a plus tag", "ada+news@example.com", "a•••s@example.com"],
    ["shows only the first of a two-character local part", "ab@example.com", "a•••@example.com"],
    ["shows only the first of a one-character local part", "a@example.com", "a•••@example.com"],
    ["masks an empty local part", "@example.com", "•••@example.com"],
    ["splits on the last @", "odd@local@example.com", "o•••l@example.com"],
    ["keeps a non-BMP character whole", "😀ada😎@example.com", "😀•••😎@example.com"],
    ["masks a string without @", "nobody", "n•••y"],
  ])("%s", (_name, address, expected) => {
    expect(maskRecipient(address)).toBe(expected);
  });

  it("does not tell the local part's length", () => {
    expect(maskRecipient("xyz@example.com").length).toBe(maskRecipient("xylophone-collector@example.com").length);
  });
});

describe("truncate and hideCodes", () => {
  it("cuts long text with an ellipsis and leaves short text alone", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("0123456789abc", 10)).toBe("012345678…");
    expect(Array.from(truncate("😀".repeat(20), 5))).toHaveLength(5);
  });

  it("hides 6-digit codes in subjects, plain or grouped, and nothing else", () => {
    expect(hideCodes("123456 is your Mailgate code")).toBe("•••••• is your Mailgate code");
    expect(hideCodes("Your code: 123 456")).toBe("Your code: ••••••");
    expect(hideCodes("Order 1234567 and ref-123456")).toBe("Order 1234567 and ref-123456");
    expect(hideCodes("Password changed")).toBe("Password changed");
  });
});

describe("bucketByHour", () => {
  const now = new Date("2026-11-24T17:25:00Z");
  const at = (iso: string) => new Date(iso);
  const sent = (iso: string): ChartRow => ({ status: "sent", sentAt: at(iso), lastAttemptAt: at(iso), errorCode: null });
  const failed = (status: "failed" | "dead", iso: string, errorCode = "transient"): ChartRow => ({ status, sentAt: null, lastAttemptAt: at(iso), errorCode });

  it("gives 24 UTC hours ending with the current one", () => {
    const buckets = bucketByHour([], now);
    expect(buckets).toHaveLength(24);
    expect(buckets[0]!.start.toISOString()).toBe("2026-11-23T18:00:00.000Z");
    expect(buckets[23]!.start.toISOString()).toBe("2026-11-24T17:00:00.000Z");
    expect(chartStart(now)).toEqual(buckets[0]!.start);
  });

  it("counts sent at sentAt and failed and dead at the last attempt", () => {
    const buckets = bucketByHour(
      [
        sent("2026-11-24T17:00:00Z"),
        sent("2026-11-24T17:24:59Z"),
        sent("2026-11-24T16:59:59.999Z"),
        failed("failed", "2026-11-24T16:30:00Z"),
        failed("dead", "2026-11-24T16:31:00Z", "rejected_recipient"),
        failed("dead", "2026-11-23T18:00:00Z", "auth_failed"),
      ],
      now,
    );
    expect(buckets[23]).toMatchObject({ sent: 2, failed: 0 });
    expect(buckets[22]).toMatchObject({ sent: 1, failed: 2 });
    expect(buckets[0]).toMatchObject({ sent: 0, failed: 1 });
  });

  it("leaves out superseded and expired messages, queued ones and anything outside the window", () => {
    const buckets = bucketByHour(
      [
        failed("dead", "2026-11-24T17:00:00Z", "superseded"),
        failed("dead", "2026-11-24T17:00:00Z", "expired"),
        { status: "queued", sentAt: null, lastAttemptAt: null, errorCode: null },
        { status: "sending", sentAt: null, lastAttemptAt: at("2026-11-24T17:01:00Z"), errorCode: "transient" },
        sent("2026-11-23T17:59:59Z"),
        sent("2026-11-24T18:00:00Z"),
      ],
      now,
    );
    expect(buckets.reduce((n, b) => n + b.sent + b.failed, 0)).toBe(0);
  });

  it("summarises totals and peaks in words", () => {
    const buckets = bucketByHour([sent("2026-11-24T14:10:00Z"), sent("2026-11-24T14:20:00Z"), failed("dead", "2026-11-24T09:00:00Z")], now);
    expect(chartSummary(buckets)).toBe(
      "Emails per hour over the last 24 hours (UTC): 2 sent, 1 failed in total. Most sent: 2 in the hour from 14:00. Most failed: 1 in the hour from 09:00.",
    );
    expect(chartSummary(bucketByHour([], now))).toBe("Emails per hour over the last 24 hours (UTC): 0 sent, 0 failed in total.");
  });
});

describe("parseDeliveryQuery", () => {
  it("keeps known filters and ignores unknown ones", () => {
    expect(parseDeliveryQuery({ status: "dead", purpose: "Register" }).filters).toEqual({ status: "dead", purpose: "Register" });
    expect(parseDeliveryQuery({ status: "lost", purpose: "Nope" }).filters).toEqual({});
    expect(parseDeliveryQuery({ status: ["sent", "dead"] }).filters).toEqual({ status: "sent" });
  });

  it("filters by the provider's report, kept in links", () => {
    const { filters } = parseDeliveryQuery({ status: "sent", report: "bounced" });
    expect(filters).toEqual({ status: "sent", report: "bounced" });
    expect(deliveriesHref(filters)).toBe("/console/deliveries?status=sent&report=bounced");
    expect(parseDeliveryQuery({ report: "sent" }).filters).toEqual({});
  });

  it("matches the recipient as typed (domain lower-cased) and all lower case", () => {
    const query = parseDeliveryQuery({ recipient: "  Alice@Example.COM " });
    expect(query.filters.recipient).toEqual({ input: "Alice@Example.COM", matches: ["Alice@example.com", "alice@example.com"] });
    expect(query.recipientProblem).toBeNull();
    expect(parseDeliveryQuery({ recipient: "bob@example.com" }).filters.recipient?.matches).toEqual(["bob@example.com"]);
  });

  it("says when the recipient is not a whole address", () => {
    const query = parseDeliveryQuery({ recipient: "Alice" });
    expect(query.filters.recipient?.matches).toEqual(["alice"]);
    expect(query.recipientProblem).toMatch(/whole address/);
  });

  it("round-trips cursors and rejects malformed ones", () => {
    const row = { createdAt: new Date("2026-11-24T17:03:09.123Z"), id: "3f0c2a8e-5b7d-4a1e-9c3f-1d2e3f4a5b6c" };
    expect(decodeCursor(encodeCursor(row))).toEqual(row);
    expect(parseDeliveryQuery({ after: encodeCursor(row) }).cursor).toEqual({ direction: "older", ...row });
    expect(parseDeliveryQuery({ before: encodeCursor(row) }).cursor).toEqual({ direction: "newer", ...row });
    for (const bad of ["", "abc", "12_", "_id", "12_a b", "12_a'--", "999999999999999_abc", "253402300800000_x"]) expect(decodeCursor(bad)).toBeNull();
    expect(decodeCursor("253402300799999_x")?.createdAt.toISOString()).toBe("9999-12-31T23:59:59.999Z");
  });

  it("builds links that keep the filters", () => {
    const { filters } = parseDeliveryQuery({ status: "failed", recipient: "a@b.example" });
    expect(deliveriesHref(filters)).toBe("/console/deliveries?status=failed&recipient=a%40b.example");
    expect(deliveriesHref(filters, { status: undefined, after: "1_x" })).toBe("/console/deliveries?recipient=a%40b.example&after=1_x");
    expect(deliveriesHref({})).toBe("/console/deliveries");
  });
});

describe("retryRefusal", () => {
  const now = new Date("2026-11-24T17:00:00Z");
  const row = { status: "dead", errorCode: "rejected_recipient", hasBody: true, expiresAt: null };

  it("offers retry for failed and dead messages that still have their content", () => {
    expect(retryRefusal(row, now)).toBeNull();
    expect(retryRefusal({ ...row, status: "failed", errorCode: "transient", expiresAt: new Date("2026-11-24T17:05:00Z") }, now)).toBeNull();
  });

  it("gives the reason otherwise", () => {
    expect(retryRefusal({ ...row, errorCode: "superseded", hasBody: false }, now)).toMatch(/newer email/);
    expect(retryRefusal({ ...row, errorCode: "expired", hasBody: false, expiresAt: now }, now)).toMatch(/has expired/);
    expect(retryRefusal({ ...row, errorCode: "invalid_config", hasBody: false }, now)).toMatch(/no longer kept/);
    expect(retryRefusal({ ...row, expiresAt: now }, now)).toMatch(/expired/);
    expect(retryRefusal({ ...row, status: "sent" }, now)).toMatch(/already sent/);
  });
});

describe("previewDocument", () => {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`;

  it("puts the CSP first, after the doctype", () => {
    const html = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"><html lang="en"><head><title>x</title></head><body>Hi</body></html>';
    expect(previewDocument(html)).toBe(`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">${meta}<html lang="en"><head><title>x</title></head><body>Hi</body></html>`);
  });

  it("prepends it to a fragment", () => {
    expect(previewDocument("<p>Hi</p>")).toBe(`${meta}<p>Hi</p>`);
  });

  it("blocks scripts and connections", () => {
    expect(PREVIEW_CSP).toContain("default-src 'none'");
    expect(PREVIEW_CSP).not.toMatch(/script-src|unsafe-eval/);
  });
});
