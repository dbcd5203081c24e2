import { userText } from "@/lib/errors/codes";
import { failField, failWith, type Failure } from "@/lib/errors/failure";
import type { IssueResult } from "./issue-code";
import type { VerifyResult } from "./verify-code";

/**
 * What a user is told about codes. The words that belong to an error code
 * (a send that failed, a refused address, an expired code) come from the
 * table in lib/errors/codes.ts; these add the waits and tries left.
 */
const minutes = (s: number) => Math.max(1, Math.ceil(s / 60));
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const lockedFor = (seconds: number) => `Too many wrong codes were entered for this address. Try again in ${plural(minutes(seconds), "minute", "minutes")}.`;

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
      return userText("expired");
    case "locked":
      return lockedFor(result.retryAfterSeconds);
    case "rate_limited":
      return `Too many attempts from your network. Try again in ${plural(minutes(result.retryAfterSeconds), "minute", "minutes")}.`;
  }
}

/** A failed verify as the code field's error: `rate_limited` when a lock or the network's limit stopped it, else `invalid_input`. */
export function verifyFailure(result: Exclude<VerifyResult, { ok: true }>): Failure {
  const limited = result.reason === "locked" || result.reason === "rate_limited";
  return failField("code", verifyFailureMessage(result), limited ? "rate_limited" : "invalid_input");
}

/** A request for a code refused by its cooldown, the limits or a lock, saying how long to wait. */
export function issueFailure(result: Extract<IssueResult, { ok: false; retryAfterSeconds: number }>): Failure {
  return failWith("rate_limited", issueFailureMessage(result));
}

/**
 * An address on the suppression list. About the address only: the same
 * words whether or not it has an account. `supportEmail`: where the user can
 * write about it (the branding's support address, when one is set).
 */
export function suppressedFailure(supportEmail: string | null): Failure {
  if (!supportEmail) return failWith("address_suppressed");
  return failWith("address_suppressed", `We can't deliver email to this address. Use another address, or write to ${supportEmail}.`);
}

function issueFailureMessage(result: Extract<IssueResult, { ok: false; retryAfterSeconds: number }>): string {
  switch (result.reason) {
    case "cooldown":
      return `Wait ${plural(result.retryAfterSeconds, "second", "seconds")} before requesting another code.`;
    case "rate_limited":
      return `Too many codes were requested. Try again in ${plural(minutes(result.retryAfterSeconds), "minute", "minutes")}.`;
    case "locked":
      return lockedFor(result.retryAfterSeconds);
  }
}

/** A code's email that failed for good (`send_failed`), in the words for a refused address when that was why. */
export function sendFailure(deliveryErrorCode: string): Failure {
  return failWith("send_failed", userText(deliveryErrorCode === "rejected_recipient" ? "rejected_recipient" : "send_failed"));
}
