import { describe, expect, it } from "vitest";
import type { ConnectorField } from "@/lib/connectors/types";
import { isConditional, showWhenCss, showWhenSelector } from "./show-when-css";

const fields: ConnectorField[] = [
  { key: "auth.type", label: "Authentication", type: "select", options: [{ value: "none", label: "None" }, { value: "login", label: "Login" }, { value: "oauth2", label: "OAuth" }] },
  { key: "auth.user", label: "User", type: "text", showWhen: { key: "auth.type", equals: ["login", "oauth2"] } },
  { key: "auth.password", label: "Password", type: "password", showWhen: { key: "auth.type", equals: "login" } },
  { key: "custom", label: "Custom", type: "checkbox" },
  { key: "custom.url", label: "URL", type: "url", showWhen: { key: "custom", equals: "on" } },
  { key: "custom.path", label: "Path", type: "text", showWhen: { key: "custom.url", equals: "x" } },
];
const field = (key: string) => fields.find((f) => f.key === key)!;

describe("showWhen as CSS", () => {
  it("shows a field while one of its select values is chosen", () => {
    expect(showWhenSelector(field("auth.user"), fields)).toBe(
      ':has(select[name="config.auth.type"] option[value="login"]:checked, select[name="config.auth.type"] option[value="oauth2"]:checked)',
    );
  });

  it("follows checkboxes", () => {
    expect(showWhenSelector(field("custom.url"), fields)).toBe(':has(input[name="config.custom"]:checked)');
  });

  it("leaves fields whose condition CSS cannot read always shown", () => {
    expect(showWhenSelector(field("custom.path"), fields)).toBeNull();
    expect(isConditional(field("custom.path"), fields)).toBe(false);
    expect(isConditional(field("auth.type"), fields)).toBe(false);
    expect(isConditional(field("auth.password"), fields)).toBe(true);
  });

  it("scopes one rule per conditional field to the form", () => {
    const css = showWhenCss("f1", fields);
    expect(css.split("\n")).toHaveLength(3);
    expect(css).toContain('#f1:has(select[name="config.auth.type"] option[value="login"]:checked) [data-field="auth.password"] { display: grid; }');
  });

  it("cannot be broken out of by a value", () => {
    const odd: ConnectorField[] = [
      { key: "a", label: "A", type: "select", options: [] },
      { key: "b", label: "B", type: "text", showWhen: { key: "a", equals: '"]</style><script>' } },
    ];
    const css = showWhenCss("f", odd);
    expect(css).not.toContain("</style");
    expect(css).toContain('\\"]\\3c /style>');
  });
});
