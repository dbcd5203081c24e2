import { describe, expect, it } from "vitest";
import { getProfile, updateProfile } from "./profile";
import { makeCtx, makeUser } from "./test-fixtures";

describe("profile", () => {
  it("reads the profile", async () => {
    const user = await makeUser({ password: null });
    expect(await getProfile(user.id)).toMatchObject({ id: user.id, email: user.email, name: null, avatarUrl: null, locale: null, hasPassword: false });
  });

  it("updates name, avatar and language; absent fields stay", async () => {
    const user = await makeUser();
    expect(await updateProfile(user, { name: "  Ada Lovelace ", avatarUrl: "https://example.com/a.png", locale: "ja" }, makeCtx())).toEqual({ ok: true, value: null });
    expect(await getProfile(user.id)).toMatchObject({ name: "Ada Lovelace", avatarUrl: "https://example.com/a.png", locale: "ja", hasPassword: true });
    expect((await updateProfile(user, { locale: "" }, makeCtx())).ok).toBe(true);
    expect(await getProfile(user.id)).toMatchObject({ name: "Ada Lovelace", locale: null });
    expect((await updateProfile(user, { name: "", avatarUrl: "" }, makeCtx())).ok).toBe(true);
    expect(await getProfile(user.id)).toMatchObject({ name: null, avatarUrl: null });
  });

  it("refuses bad values field by field and changes nothing", async () => {
    const user = await makeUser();
    const result = await updateProfile(user, {
      name: "x".repeat(101), avatarUrl: "http://example.com/a.png", locale: "fr",
    }, makeCtx());
    expect(result).toEqual({
      ok: false,
      code: "invalid_input",
      fieldErrors: {
        name: ["Use at most 100 characters."],
        avatarUrl: ["Enter an https:// address of an image."],
        locale: ["Choose a language from the list."],
      },
    });
    expect(await updateProfile(user, { avatarUrl: `https://example.com/${"a".repeat(500)}` }, makeCtx())).toMatchObject({ ok: false, fieldErrors: { avatarUrl: [expect.any(String)] } });
    expect(await updateProfile(user, { avatarUrl: "javascript:alert(1)" }, makeCtx())).toMatchObject({ ok: false });
    expect(await updateProfile(user, { name: "a\nb" }, makeCtx())).toMatchObject({ ok: false });
    expect(await getProfile(user.id)).toMatchObject({ name: null, avatarUrl: null, locale: null });
  });
});
