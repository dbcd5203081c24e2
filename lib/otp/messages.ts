import type { IssueResult } from "./issue-code";
import type { VerifyResult } from "./verify-code";

const minutes = (s: number) => Math.max(1, Math.ceil(s / 60));
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const SEND_FAILED = "We couldn't send the email, try again in a minute.";
export const UNDELIVERABLE = "We couldn't deliver email to this address. Check it for typos, or use another address.";
export const DELIVERY_DELAYED = "Sending the email is taking longer than usual. We'll keep trying for a few minutes; you can also request a new code.";
export const DELIVERY_FAILED = "We couldn't send the email. Request a new code, or try again later.";
export const CODE_DEAD = "This code can no longer be used. Request a new code.";

/** User-facing text for a failed verify. Never says whether the address has an account. */
export function verifyFailureMessage(result: Exclude<VerifyResult, { ok: true }>): string {
  switch (result.reason) {
    case "malformed":
      return "Enter the 6-digit code from the email.";
    case "wrong":
      return result.attemptsLeft > 0
        ? `That code is wrong. You have ${plural(result.attemptsLeft, "try", "tries")} left.`
        : `That code is wrong. ${CODE_DEAD}`;
    case "dead":
      return CODE_DEAD;
    case "expired":
      return "This code has expired. Request a new code.";
    case "locked":
      return `Too many wrong codes were entered for this address. Try again in ${plural(minutes(result.retryAfterSeconds), "minute", "minutes")}.`;
    case "rate_limited":
      return `Too many attempts from your network. Try again in ${plural(minutes(result.retryAfterSeconds), "minute", "minutes")}.`;
  }
}

export function issueFailureMessage(result: Extract<IssueResult, { ok: false }>): string {
  switch (result.reason) {
    case "cooldown":
      return `Wait ${plural(result.retryAfterSeconds, "second", "seconds")} before requesting another code.`;
    case "rate_limited":
      return `Too many codes were requested. Try again in ${plural(minutes(result.retryAfterSeconds), "minute", "minutes")}.`;
    case "locked":
      return `Too many wrong codes were entered for this address. Try again in ${plural(minutes(result.retryAfterSeconds), "minute", "minutes")}.`;
  }
}
