import { copyFor, type Vars } from "../i18n";
import { isNoticeKind, type EmailKind } from "../kinds";
import { maskEmail } from "./mask-email";
import type { ResolvedEmailProps } from "./props";

/**
 * What the copy of `kind` may mention, from resolved props. One place, so the
 * subject and the body always agree, and the new address of an EmailChanged
 * can only ever reach the copy masked.
 */
export function varsFor(kind: EmailKind, props: ResolvedEmailProps): Vars {
  const copy = copyFor(props.locale);
  return {
    product: props.branding.productName,
    to: props.to,
    code: props.code,
    minutes: isNoticeKind(kind) ? props.lockMinutes : props.ttlMinutes,
    support: props.branding.supportEmail ?? "",
    provider: props.provider,
    newEmail: props.newEmail ? maskEmail(props.newEmail) : "",
    factor: props.factor ? copy.common.factors[props.factor] : "",
    organization: props.organization,
    inviter: props.inviter,
    role: props.role ? copy.common.roles[props.role] : "",
    days: props.expiresInDays,
    account: identityAccount(props),
    when: props.occurredAt,
    device: props.device,
    ip: props.fromIp,
  };
}

/** "Ada Lovelace (a•••@example.com)", either half alone, or "" when the provider gave neither. */
function identityAccount(props: ResolvedEmailProps): string {
  const email = props.identityEmail ? maskEmail(props.identityEmail) : "";
  if (props.identityName && email) return `${props.identityName} (${email})`;
  return props.identityName || email;
}
