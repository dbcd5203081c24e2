import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { redirect } from "next/navigation";
import { action, boundAction, field, formAction, UNREADABLE_FORM } from "./action";
import { DatabaseUnavailableError } from "./db-unavailable";
import { userText } from "./errors/codes";
import { idle } from "./result";
import { CLIENT_HEADER, clientHeaderValue, createFrontDoorToken } from "./security/client-header";

// The request's headers are Next's; outside a request there are none to read.
// The address is the one the front door (scripts/server.mjs) stamps.
const token = createFrontDoorToken();
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [CLIENT_HEADER]: clientHeaderValue(token, "192.0.2.1") }), cookies: async () => new Map() }));

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
};

// The real guards read next-auth's session; these tests are about what happens around any guard.
const anyone = async () => ({});
const signUpSchema = z.object({ email: field(40), password: field(40), name: field(10) });

describe("the action wrapper", () => {
  it("refuses anything but FormData as an error state, without running the handler", async () => {
    const handler = vi.fn(async () => ({ status: "ok" as const }));
    const act = action({ guard: anyone, input: signUpSchema }, handler) as (...args: unknown[]) => Promise<unknown>;
    for (const args of [[], [undefined], ["x"], [idle, "x"], [idle, { email: "a@b.c" }], [null, null, null], [form({}), "x"]]) {
      await expect(act(...args), JSON.stringify(args)).resolves.toEqual({ status: "error", formError: UNREADABLE_FORM });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("reports every field error at once and refills only the fields it was told to", async () => {
    const act = action({ guard: anyone, input: signUpSchema, refill: ["email", "name"] }, async () => idle);
    const state = await act(idle, form({ email: "e".repeat(41), password: "p".repeat(41), name: "n".repeat(11) }));
    expect(state).toMatchObject({ status: "error", values: { email: "e".repeat(41), name: "n".repeat(11) } });
    expect(Object.keys((state as { fieldErrors: object }).fieldErrors).sort()).toEqual(["email", "name", "password"]);
    expect(JSON.stringify(state)).not.toContain("ppp");
  });

  it("gives the handler the parsed input, the guard's context and the request", async () => {
    const act = action({ guard: async () => ({ who: "guard" }), input: signUpSchema, refill: ["email"] }, async ({ input, who, ctx }) => {
      expect({ input, who, ip: ctx.ip }).toEqual({ input: { email: "a@b.c", password: "secret", name: "" }, who: "guard", ip: "192.0.2.1" });
      return { status: "error" as const, formError: "Wrong password." };
    });
    // A missing field reads as empty; React's own fields and files are left out.
    const data = form({ email: "a@b.c", password: "secret", "$ACTION_ID_abc": "" });
    data.append("name", new Blob(["file"]));
    await expect(act(idle, data)).resolves.toEqual({ status: "error", formError: "Wrong password.", values: { email: "a@b.c" } });
  });

  it("checks bound arguments like any other input", async () => {
    const act = boundAction({ guard: anyone, bound: z.tuple([z.enum(["totp", "email"])]) }, async ({ bound: [method] }) => ({ status: "ok" as const, message: method }));
    const loose = act as (...args: unknown[]) => Promise<unknown>;
    await expect(loose(form({}))).resolves.toEqual({ status: "error", formError: UNREADABLE_FORM });
    await expect(loose("sms", idle, form({}))).resolves.toEqual({ status: "error", formError: UNREADABLE_FORM });
    await expect(loose({ method: "totp" }, idle, form({}))).resolves.toEqual({ status: "error", formError: UNREADABLE_FORM });
    await expect(act("email", idle, form({}))).resolves.toEqual({ status: "ok", message: "email" });
  });

  it("lets redirects through and throws bugs", async () => {
    const redirecting = action({ guard: anyone }, async () => redirect("/done"));
    const error = await redirecting(idle, form({})).catch((thrown: unknown) => thrown);
    expect(isRedirectError(error)).toBe(true);
    const buggy = action({ guard: anyone }, async () => {
      throw new TypeError("a bug");
    });
    await expect(buggy(idle, form({}))).rejects.toThrow("a bug");
  });

  it("answers a database outage with a try-again state (anywhere: guard or handler)", async () => {
    const outage = async () => {
      throw new DatabaseUnavailableError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }));
    };
    const inHandler = action({ guard: anyone, input: z.object({ email: field() }), refill: ["email"] }, outage);
    await expect(inHandler(idle, form({ email: "a@b.c" }))).resolves.toEqual({ status: "error", formError: userText("database_unavailable"), values: { email: "a@b.c" } });
    const inGuard = action({ guard: outage }, async () => idle);
    await expect(inGuard(idle, form({}))).resolves.toMatchObject({ formError: userText("database_unavailable") });
  });

  it("for a plain form action, ignores a malformed post and sends an outage to the error page", async () => {
    const handler = vi.fn(async () => undefined);
    const plain = formAction({ guard: anyone }, handler) as (...args: unknown[]) => Promise<void>;
    await expect(plain("x")).resolves.toBeUndefined();
    expect(handler).not.toHaveBeenCalled();
    const down = formAction({ guard: anyone }, async () => {
      throw Object.assign(new Error("Connection terminated unexpectedly"), {});
    });
    await expect(down(form({}))).rejects.toBeInstanceOf(DatabaseUnavailableError);
  });
});
