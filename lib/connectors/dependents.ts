import type { SignInExperience } from "@/lib/settings/schema";

/** What sends email through the connector, by name; deleting it is refused while any is on. */
export function emailDependents(sie: SignInExperience, emailMfaUsers: number): string[] {
  const out: string[] = [];
  if (sie.signUp.emailPassword) out.push("email sign-up (address verification)");
  if (sie.signIn.emailCode) out.push("sign-in with an email code");
  if (sie.forgotPassword.emailCode) out.push("password reset by email");
  if (emailMfaUsers > 0) out.push(`email two-step verification (${emailMfaUsers} ${emailMfaUsers === 1 ? "account" : "accounts"})`);
  return out;
}

/** Why the connector cannot be deleted while `dependents` (at least one) use it. */
export function deleteRefusal(dependents: readonly string[]): string {
  return (
    `The email connector can't be deleted while ${joinList(dependents)} ${dependents.length === 1 ? "uses" : "use"} it. ` +
    `Turn ${dependents.length === 1 ? "it" : "them"} off in Sign-in experience first, or use "Change email connector" to switch providers.`
  );
}

function joinList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
