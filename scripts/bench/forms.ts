// Just enough HTML reading to submit a server-action form the way a browser
// without JavaScript does: find the <form>, collect its inputs, post them.

export type ParsedForm = {
  /** Absolute URL the form posts to. */
  action: string;
  method: string;
  /** Every successful control's name/value, in document order (hidden ones included). */
  fields: [string, string][];
  /** Names of all inputs, including the ones not submitted. */
  inputNames: string[];
};

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

export function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const point = body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(point) && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

export function parseAttributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  // Skip the element name, then name="v" | name='v' | name=v | name.
  const body = tag.replace(/^<\s*[a-z0-9-]+/i, "").replace(/\/?>$/, "");
  const re = /([^\s"'=<>/`]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const name = m[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ""));
  }
  return attrs;
}

/** All forms of a page. Forms do not nest in valid HTML, so a lazy match is enough. */
export function parseForms(html: string, pageUrl: string): ParsedForm[] {
  const forms: ParsedForm[] = [];
  const formRe = /<form\b[^>]*>[\s\S]*?<\/form\s*>/gi;
  for (let m = formRe.exec(html); m; m = formRe.exec(html)) {
    const source = m[0];
    const open = /^<form\b[^>]*>/i.exec(source)![0];
    const formAttrs = parseAttributes(open);
    const fields: [string, string][] = [];
    const inputNames: string[] = [];
    const controlRe = /<(input|textarea|select)\b[^>]*>/gi;
    for (let c = controlRe.exec(source); c; c = controlRe.exec(source)) {
      const attrs = parseAttributes(c[0]);
      const name = attrs.get("name");
      if (!name) continue;
      inputNames.push(name);
      if (attrs.has("disabled")) continue;
      const type = (attrs.get("type") ?? "text").toLowerCase();
      // Buttons, files and images are not part of a plain submission; unchecked boxes neither.
      if (["submit", "button", "reset", "image", "file"].includes(type)) continue;
      if ((type === "checkbox" || type === "radio") && !attrs.has("checked")) continue;
      fields.push([name, attrs.get("value") ?? ""]);
    }
    const rawAction = formAttrs.get("action") ?? "";
    forms.push({
      action: new URL(rawAction || pageUrl, pageUrl).href,
      method: (formAttrs.get("method") ?? "GET").toUpperCase(),
      fields,
      inputNames,
    });
  }
  return forms;
}

/** The form that has an input named `inputName`; throws with a hint when there is none. */
export function findForm(html: string, pageUrl: string, inputName: string): ParsedForm {
  const forms = parseForms(html, pageUrl);
  const form = forms.find((f) => f.inputNames.includes(inputName));
  if (!form) {
    const seen = forms.map((f) => `[${f.inputNames.join(", ")}]`).join(" ") || "no forms";
    throw new Error(`no form with an input named "${inputName}" on ${pageUrl} (${seen})`);
  }
  return form;
}

/** FormData for `form`, with `values` replacing (or adding) the user's fields. */
export function toFormData(form: ParsedForm, values: Record<string, string>): FormData {
  const data = new FormData();
  const pending = new Map(Object.entries(values));
  for (const [name, value] of form.fields) {
    if (pending.has(name)) {
      data.append(name, pending.get(name)!);
      pending.delete(name);
    } else {
      data.append(name, value);
    }
  }
  for (const [name, value] of pending) data.append(name, value);
  return data;
}
