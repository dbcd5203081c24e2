import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countDeliveriesByStatus, getDelivery, getHourlyDeliveries, listDeliveries, type DeliveryPage } from "@/lib/mail/deliveries";
import { decodeCursor, parseDeliveryQuery, retryRefusal, type DeliveryCursor, type DeliveryFilters } from "@/lib/mail/deliveries-view";
import { enqueue, requeue } from "@/lib/mail/outbox";

/**
 * The console's deliveries queries against the real database (this file's
 * SQLite copy, or the run's PostgreSQL database). Every row here goes to an
 * address at deliveries.test and every query is scoped to this file's
 * addresses, so rows other files write to a shared PostgreSQL database
 * cannot change the answers.
 */

type Row = {
  status?: string;
  purpose?: string;
  recipient: string;
  createdAt: Date;
  sentAt?: Date | null;
  lastAttemptAt?: Date | null;
  errorCode?: string | null;
  errorMessage?: string | null;
  attempts?: number;
  body?: string | null;
  expiresAt?: Date | null;
  deliveryStatus?: string | null;
  deliveryDetail?: string | null;
};

async function insert(rows: Row[]): Promise<string[]> {
  const data = rows.map((row) => {
    const id = randomUUID();
    const status = row.status ?? "sent";
    return {
      id,
      idempotencyKey: id,
      purpose: row.purpose ?? "Register",
      recipient: row.recipient,
      locale: "en",
      connector: "smtp",
      subject: "123456 is your code",
      status,
      attempts: row.attempts ?? 1,
      createdAt: row.createdAt,
      sentAt: status === "sent" ? (row.sentAt ?? row.createdAt) : null,
      lastAttemptAt: row.lastAttemptAt ?? null,
      errorCode: row.errorCode ?? null,
      errorMessage: row.errorMessage ?? null,
      body: row.body ?? null,
      expiresAt: row.expiresAt ?? null,
      deliveryStatus: row.deliveryStatus ?? null,
      deliveryDetail: row.deliveryDetail ?? null,
      deliveryUpdatedAt: row.deliveryStatus ? row.createdAt : null,
    };
  });
  await db.emailMessage.createMany({ data });
  return data.map((d) => d.id);
}

/** Filters limited to `addresses` (exact, as stored). */
const scope = (addresses: string[], filters: DeliveryFilters = {}): DeliveryFilters => ({ ...filters, recipient: { input: "", matches: addresses } });

const cursorOf = (value: string | null, direction: DeliveryCursor["direction"]): DeliveryCursor => {
  const decoded = decodeCursor(value ?? "");
  if (!decoded) throw new Error(`not a cursor: ${value}`);
  return { direction, ...decoded };
};

describe("listDeliveries", () => {
  it("lists newest first and pages through every row exactly once, older and back newer", async () => {
    const addresses = ["page-a@deliveries.test", "page-b@deliveries.test"];
    const base = Date.UTC(2026, 10, 24, 12);
    const tie = new Date(base + 5_000);
    // Three rows share a createdAt: the id orders them, so none is skipped or repeated at a page edge.
    const rows: Row[] = [0, 1, 2, 3, 4, 6, 7].map((s, i) => ({ recipient: addresses[i % 2]!, createdAt: new Date(base + s * 1000) }));
    rows.push({ recipient: addresses[0]!, createdAt: tie }, { recipient: addresses[1]!, createdAt: tie });
    await insert(rows);
    const expected = (await db.emailMessage.findMany({ where: { recipient: { in: addresses } }, select: { id: true, createdAt: true } }))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
      .map((r) => r.id);
    expect(expected).toHaveLength(9);

    const filters = scope(addresses);
    const pages: DeliveryPage[] = [await listDeliveries(filters, null, 4)];
    expect(pages[0]!.newer).toBeNull();
    while (pages[pages.length - 1]!.older) pages.push(await listDeliveries(filters, cursorOf(pages[pages.length - 1]!.older, "older"), 4));
    expect(pages.map((p) => p.rows.length)).toEqual([4, 4, 1]);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected);

    // From the last page back: "newer" gives the same pages.
    const back = await listDeliveries(filters, cursorOf(pages[2]!.newer, "newer"), 4);
    expect(back.rows.map((r) => r.id)).toEqual(pages[1]!.rows.map((r) => r.id));
    expect(back.older).toBe(pages[1]!.older);
    const first = await listDeliveries(filters, cursorOf(back.newer, "newer"), 4);
    expect(first.rows.map((r) => r.id)).toEqual(pages[0]!.rows.map((r) => r.id));
    expect(first.newer).toBeNull();
  });

  it("shows 50 per page by default", async () => {
    const addresses = ["bulk@deliveries.test"];
    const base = Date.UTC(2026, 10, 20);
    await insert(Array.from({ length: 120 }, (_, i) => ({ recipient: addresses[0]!, createdAt: new Date(base + i * 60_000) })));
    const one = await listDeliveries(scope(addresses), null);
    expect(one.rows).toHaveLength(50);
    expect(one.rows[0]!.createdAt.getTime()).toBe(base + 119 * 60_000);
    const two = await listDeliveries(scope(addresses), cursorOf(one.older, "older"));
    const three = await listDeliveries(scope(addresses), cursorOf(two.older, "older"));
    expect([two.rows.length, three.rows.length, three.older]).toEqual([50, 20, null]);
    expect(three.rows[19]!.createdAt.getTime()).toBe(base);
  });

  it("filters by status, purpose and recipient, and never returns the sealed body", async () => {
    const created = new Date(Date.UTC(2026, 10, 22));
    const addresses = ["Alice@deliveries.test", "bob@deliveries.test"];
    await insert([
      { recipient: "Alice@deliveries.test", purpose: "SignIn", createdAt: created },
      { recipient: "Alice@deliveries.test", purpose: "Register", status: "dead", errorCode: "rejected_recipient", body: "sealed", createdAt: created },
      { recipient: "bob@deliveries.test", purpose: "SignIn", status: "failed", errorCode: "transient", createdAt: created },
      { recipient: "bob@deliveries.test", purpose: "PasswordChanged", createdAt: created },
    ]);
    const list = async (filters: DeliveryFilters) => (await listDeliveries(filters, null)).rows;

    expect((await list(scope(addresses, { status: "dead" }))).map((r) => [r.recipient, r.purpose])).toEqual([["Alice@deliveries.test", "Register"]]);
    expect((await list(scope(addresses, { purpose: "SignIn" }))).map((r) => r.recipient).sort()).toEqual(["Alice@deliveries.test", "bob@deliveries.test"]);
    expect(await list(scope(addresses, { purpose: "SignIn", status: "sent" }))).toHaveLength(1);

    // The recipient filter as the page parses it: the address as typed (domain lower-cased), or all lower case.
    expect((await list(parseDeliveryQuery({ recipient: "Alice@DELIVERIES.test" }).filters)).map((r) => r.purpose).sort()).toEqual(["Register", "SignIn"]);
    expect(await list(parseDeliveryQuery({ recipient: " BOB@deliveries.test " }).filters)).toHaveLength(2);
    expect(await list(parseDeliveryQuery({ recipient: "bob@deliveries.test", status: "failed", purpose: "SignIn" }).filters)).toHaveLength(1);
    expect(await list(parseDeliveryQuery({ recipient: "bob" }).filters)).toHaveLength(0);

    const dead = (await list(scope(addresses, { status: "dead" })))[0]!;
    expect(dead.hasBody).toBe(true);
    expect(dead).not.toHaveProperty("body");
  });

  it("filters by the provider's report and lists it with its words and time", async () => {
    const created = new Date(Date.UTC(2026, 10, 23));
    const addresses = ["report-a@deliveries.test", "report-b@deliveries.test"];
    await insert([
      { recipient: addresses[0]!, createdAt: created, deliveryStatus: "bounced", deliveryDetail: "Permanent/General: 550 5.1.1 user unknown" },
      { recipient: addresses[1]!, createdAt: created, deliveryStatus: "delivered" },
      { recipient: addresses[1]!, createdAt: created },
    ]);
    const rows = (await listDeliveries(scope(addresses, { report: "bounced" }), null)).rows;
    expect(rows.map((r) => [r.recipient, r.deliveryStatus, r.deliveryDetail, r.deliveryUpdatedAt])).toEqual([
      [addresses[0], "bounced", "Permanent/General: 550 5.1.1 user unknown", created],
    ]);
    expect((await listDeliveries(scope(addresses), null)).rows.map((r) => r.deliveryStatus).sort()).toEqual(["bounced", "delivered", null]);
    expect((await countDeliveriesByStatus(scope(addresses, { report: "delivered" }))).sent).toBe(1);
  });
});

describe("countDeliveriesByStatus", () => {
  it("counts every status under the other filters, whatever the status filter", async () => {
    const addresses = ["count-a@deliveries.test", "count-b@deliveries.test"];
    const created = new Date(Date.UTC(2026, 10, 21));
    await insert([
      ...Array.from({ length: 3 }, () => ({ recipient: addresses[0]!, createdAt: created })),
      { recipient: addresses[0]!, status: "failed", createdAt: created },
      { recipient: addresses[1]!, status: "dead", purpose: "SignIn", createdAt: created },
      { recipient: addresses[1]!, status: "queued", purpose: "SignIn", createdAt: created },
    ]);
    const all = await countDeliveriesByStatus(scope(addresses, { status: "sent" }));
    expect(all).toEqual({ queued: 1, sending: 0, sent: 3, failed: 1, dead: 1, total: 6 });
    expect(await countDeliveriesByStatus(scope(addresses, { purpose: "SignIn" }))).toEqual({ queued: 1, sending: 0, sent: 0, failed: 0, dead: 1, total: 2 });
    expect((await countDeliveriesByStatus(parseDeliveryQuery({ recipient: addresses[0] }).filters)).total).toBe(4);
  });
});

describe("getHourlyDeliveries", () => {
  it("buckets the last 24 hours of sends and failures by hour", async () => {
    // Years ahead, so rows other tests write now fall outside the window.
    const now = new Date(Date.UTC(2031, 0, 1, 12, 30));
    const hour = (h: number, m = 0) => new Date(Date.UTC(2031, 0, 1, h, m));
    const recipient = "chart@deliveries.test";
    await insert([
      { recipient, createdAt: hour(11, 59), sentAt: hour(12, 1) },
      { recipient, createdAt: hour(12), sentAt: hour(12, 29) },
      { recipient, createdAt: hour(3), sentAt: hour(3, 5) },
      { recipient, status: "failed", createdAt: hour(3), lastAttemptAt: hour(3, 10), errorCode: "transient" },
      { recipient, status: "dead", createdAt: hour(3), lastAttemptAt: hour(3, 20), errorCode: "auth_failed" },
      { recipient, status: "dead", createdAt: hour(3), lastAttemptAt: hour(3, 30), errorCode: "superseded" },
      // Sent 25 hours ago: outside the window.
      { recipient, createdAt: new Date(now.getTime() - 25 * 3600_000), sentAt: new Date(now.getTime() - 25 * 3600_000) },
    ]);
    const buckets = await getHourlyDeliveries(now);
    expect(buckets).toHaveLength(24);
    expect(buckets[23]).toMatchObject({ start: hour(12), sent: 2, failed: 0 });
    expect(buckets.find((b) => b.start.getTime() === hour(3).getTime())).toMatchObject({ sent: 1, failed: 2 });
    expect(buckets.reduce((n, b) => n + b.sent + b.failed, 0)).toBe(5);
  });
});

describe("getDelivery", () => {
  it("opens the content of an unsent message, and says why a sent one has none", async () => {
    const { id } = await enqueue(
      {
        purpose: "SignIn",
        recipient: "view@deliveries.test",
        locale: "en",
        subject: "654321 is your code",
        body: { senderName: "Mailgate", html: "<p>Your code is 654321</p>", text: "Your code is 654321" },
      },
      { connector: "smtp", leased: false },
    );
    const queued = await getDelivery(id);
    expect(queued?.content).toEqual({ kept: true, body: { senderName: "Mailgate", html: "<p>Your code is 654321</p>", text: "Your code is 654321" } });
    expect(queued?.idempotencyKey).toBe(id);

    const [sentId] = await insert([{ recipient: "view@deliveries.test", createdAt: new Date() }]);
    expect((await getDelivery(sentId!))?.content).toEqual({ kept: false, reason: "sent" });
    const [brokenId] = await insert([{ recipient: "view@deliveries.test", status: "dead", body: "not a sealed body", createdAt: new Date() }]);
    expect((await getDelivery(brokenId!))?.content).toMatchObject({ kept: false, reason: "unreadable" });
    expect(await getDelivery(randomUUID())).toBeNull();
  });

  it("offers Retry exactly when the outbox accepts it", async () => {
    const { id: sealedId } = await enqueue(
      { purpose: "Register", recipient: "retry@deliveries.test", locale: "en", subject: "s", body: { senderName: "M", html: "<p>h</p>", text: "t" } },
      { connector: "smtp", leased: false },
    );
    const sealed = (await db.emailMessage.findUniqueOrThrow({ where: { id: sealedId } })).body;
    const past = new Date(Date.now() - 60_000);
    const future = new Date(Date.now() + 600_000);
    const ids = await insert([
      { recipient: "retry@deliveries.test", status: "dead", errorCode: "rejected_recipient", body: sealed, createdAt: past },
      { recipient: "retry@deliveries.test", status: "failed", errorCode: "transient", body: sealed, expiresAt: future, createdAt: past },
      { recipient: "retry@deliveries.test", status: "dead", errorCode: "superseded", createdAt: past },
      { recipient: "retry@deliveries.test", status: "dead", errorCode: "transient", body: sealed, expiresAt: past, createdAt: past },
      { recipient: "retry@deliveries.test", status: "dead", errorCode: "expired", expiresAt: past, createdAt: past },
      { recipient: "retry@deliveries.test", status: "dead", errorCode: "invalid_config", createdAt: past },
    ]);
    for (const id of ids) {
      const row = (await getDelivery(id))!;
      const shown = retryRefusal(row);
      const outcome = await requeue(id);
      expect(outcome.ok ? null : outcome.formError, `${row.status}/${row.errorCode}`).toBe(shown);
    }
  });

  it("pages from any cursor the query string can carry, even one far outside the dates a database stores", async () => {
    const filters: DeliveryFilters = { recipient: { input: "far@deliveries.test", matches: ["far@deliveries.test"] } };
    for (const raw of ["999999999999999_abc", "0_a", "253402300800000_x", "8640000000000001_y"]) {
      for (const direction of ["after", "before"]) {
        const { cursor } = parseDeliveryQuery({ [direction]: raw });
        await expect(listDeliveries(filters, cursor), `${direction}=${raw}`).resolves.toMatchObject({ rows: [] });
      }
    }
  });
});
