// The second app instance of tests/integration/second-instance.ts: started
// with `--conditions=react-server` so `server-only` resolves as it does in Next.
import { completeSignUp } from "@/lib/auth/sign-up";
import { issueCode } from "@/lib/otp/issue-code";
import { take } from "@/lib/otp/rate-limit";
import { verifyCode } from "@/lib/otp/verify-code";
import { acceptInvitation } from "@/lib/orgs/accept-invitation";
import { changeMemberRole } from "@/lib/orgs/change-member-role";
import { resendInvitation } from "@/lib/orgs/resend-invitation";

const fns = { issueCode, verifyCode, take, completeSignUp, acceptInvitation, resendInvitation, changeMemberRole };
export type InstanceFunctions = typeof fns;

type Call = { id: number; fn: keyof InstanceFunctions; args: unknown[] };

process.on("message", async (call: Call) => {
  try {
    const fn = fns[call.fn] as (...args: unknown[]) => Promise<unknown>;
    process.send!({ id: call.id, result: await fn(...call.args) });
  } catch (error) {
    process.send!({ id: call.id, error: String(error) });
  }
});
process.send!({ ready: true });
