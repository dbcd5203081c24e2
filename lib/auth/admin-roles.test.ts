import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteAccount, OWNER_CANNOT_DELETE } from "@/lib/account/delete-account";
import { peekVerification } from "@/lib/account/step-up";
import { makeCtx, makeUser, proof } from "@/lib/account/test-fixtures";
import type { CurrentUser } from "./current-user";
import { getOwnerId, isAdmin, listAdmins } from "./roles";
import { grantAdmin, removeAdmin, transferOwnership } from "./admin-roles";

/** A fresh install whose first account is `user` (the files' tests share one database, and there is one owner). */
async function ownedBy(user: CurrentUser) {
  await db.ownership.deleteMany();
  await db.ownership.create({ data: { id: 1, userId: user.id } });
}

const events = (userId: string) => db.auditEvent.findMany({ where: { userId }, select: { type: true, detail: true } });

describe("admin roles", () => {
  it("the owner makes an account an admin; the typo and the unknown address cost no proof", async () => {
    const owner = await makeUser();
    const other = await makeUser();
    await ownedBy(owner);
    const id = await proof(owner);
    expect(await grantAdmin(owner, id, "not an address", makeCtx())).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } });
    expect(await grantAdmin(owner, id, "nobody@example.test", makeCtx())).toMatchObject({ ok: false, code: "not_found" });
    expect(await grantAdmin(owner, id, owner.email, makeCtx())).toMatchObject({ ok: false, code: "conflict" });
    expect(await peekVerification(owner, id)).toBe(true);
    expect(await isAdmin(other)).toBe(false);

    expect(await grantAdmin(owner, id, other.email.toUpperCase(), makeCtx())).toEqual({ ok: true, value: null });
    expect(await isAdmin(other)).toBe(true);
    expect(await peekVerification(owner, id)).toBe(false);
    expect(await events(other.id)).toEqual([{ type: "admin_granted", detail: "{}" }]);
    expect((await events(owner.id)).filter((e) => e.type === "admin_granted")).toEqual([{ type: "admin_granted", detail: JSON.stringify({ target: other.id }) }]);
    expect((await listAdmins()).map((a) => [a.email, a.owner, a.role])).toEqual(expect.arrayContaining([[owner.email, true, false], [other.email, false, true]]));
  });

  it("only the owner changes roles, and every change needs a fresh proof", async () => {
    const owner = await makeUser();
    const admin = await makeUser();
    const third = await makeUser();
    await ownedBy(owner);
    expect((await grantAdmin(owner, await proof(owner), admin.email, makeCtx())).ok).toBe(true);
    expect(await grantAdmin(admin, await proof(admin), third.email, makeCtx())).toMatchObject({ ok: false, code: "invalid_request" });
    expect(await transferOwnership(admin, await proof(admin), admin.id, makeCtx())).toMatchObject({ ok: false, code: "invalid_request" });
    expect(await grantAdmin(owner, undefined, third.email, makeCtx())).toMatchObject({ ok: false, code: "verification_required" });
  });

  it("removes a stored admin role; the owner has none to remove", async () => {
    const owner = await makeUser();
    const admin = await makeUser();
    await ownedBy(owner);
    expect((await grantAdmin(owner, await proof(owner), admin.email, makeCtx())).ok).toBe(true);
    expect(await removeAdmin(owner, await proof(owner), owner.id, makeCtx())).toMatchObject({ ok: false, code: "not_found" });
    expect(await removeAdmin(owner, await proof(owner), admin.id, makeCtx())).toEqual({ ok: true, value: null });
    expect(await isAdmin(admin)).toBe(false);
    expect((await events(admin.id)).map((e) => e.type)).toEqual(expect.arrayContaining(["admin_granted", "admin_removed"]));
  });

  it("hands ownership over to an admin only; the old owner stays an admin", async () => {
    const owner = await makeUser();
    const next = await makeUser();
    await ownedBy(owner);
    expect(await transferOwnership(owner, await proof(owner), next.id, makeCtx())).toMatchObject({ ok: false, code: "invalid_request" });
    expect((await grantAdmin(owner, await proof(owner), next.email, makeCtx())).ok).toBe(true);
    expect(await transferOwnership(owner, await proof(owner), next.id, makeCtx())).toEqual({ ok: true, value: null });
    expect(await getOwnerId()).toBe(next.id);
    expect(await isAdmin(owner)).toBe(true);
    expect((await events(next.id)).map((e) => e.type)).toContain("ownership_transferred");
  });
});

describe("deleting the owner's account", () => {
  it("is refused while they own the install, without using the proof", async () => {
    const owner = await makeUser();
    await ownedBy(owner);
    const id = await proof(owner);
    expect(await deleteAccount(owner, id, owner.email, makeCtx())).toEqual({ ok: false, code: "conflict", formError: OWNER_CANNOT_DELETE });
    expect(await peekVerification(owner, id)).toBe(true);
    expect(await db.user.count({ where: { id: owner.id } })).toBe(1);
  });

  it("after a hand-over the old owner can go, and nobody else is promoted", async () => {
    const owner = await makeUser();
    const stranger = await makeUser();
    const next = await makeUser();
    await ownedBy(owner);
    expect((await grantAdmin(owner, await proof(owner), next.email, makeCtx())).ok).toBe(true);
    expect((await transferOwnership(owner, await proof(owner), next.id, makeCtx())).ok).toBe(true);
    expect(await deleteAccount(owner, await proof(owner), owner.email, makeCtx())).toEqual({ ok: true, value: null });
    expect(await getOwnerId()).toBe(next.id);
    expect(await isAdmin(stranger)).toBe(false);
  });
});
