import { translator } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/mail/locale";
import { isOrgRole } from "./permissions";

type Detail = Record<string, string | number | boolean>;

/** Organization events (lib/orgs), recorded on the actor with the organization's id: part of lib/account/audit.ts's AUDIT_TYPES. */
export const ORG_EVENT_TYPES = [
  "org_created",
  "org_updated",
  "org_deleted",
  "org_member_invited",
  "org_invitation_resent",
  "org_invitation_revoked",
  "org_invitation_accepted",
  "org_invitation_declined",
  "org_member_role_changed",
  "org_member_removed",
  "org_member_left",
  "org_ownership_transferred",
] as const;

const isOrgEvent = (type: string): type is (typeof ORG_EVENT_TYPES)[number] => (ORG_EVENT_TYPES as readonly string[]).includes(type);

/**
 * The activity sentence of an organization event, from the actor's side
 * ("Invited someone to Acme as admin"), in `locale`; null for any other
 * event type. The organization's name is kept in the detail because the
 * event outlives a deleted organization; addresses are never stored
 * (lib/account/audit.ts). A console admin's change (`detail.console`) says
 * where it came from.
 */
export function describeOrgEvent(type: string, detail: Detail, locale: Locale = "en"): string | null {
  if (!isOrgEvent(type)) return null;
  const t = translator(locale, "orgEvents");
  const org = typeof detail.organization === "string" && detail.organization ? detail.organization : t("anOrganization");
  const role = (key: string) => {
    const value = detail[key];
    return isOrgRole(value) ? t(`role_${value}`) : t("anotherRole");
  };
  const sentence = t(type, { org, role: role("role"), from: role("from") });
  return detail.console === true ? t("fromConsole", { sentence }) : sentence;
}
