// A second app instance for the concurrency tests: a separate Node process
// with its own database connection, driven over IPC. Started with
// `--conditions=react-server` so `server-only` resolves as it does in Next.
import { issueCode } from "@/lib/otp/issue-code";
import { take } from "@/lib/otp/rate-limit";
import { verifyCode } from "@/lib/otp/verify-code";

type Call = { id: number; fn: "issueCode" | "verifyCode" | "take"; args: unknown[] };
const fns = { issueCode, verifyCode, take } as unknown as Record<Call["fn"], (...args: unknown[]) => Promise<unknown>>;

process.on("message", async (call: Call) => {
  try {
    process.send!({ id: call.id, result: await fns[call.fn](...call.args) });
  } catch (error) {
    process.send!({ id: call.id, error: String(error) });
  }
});
process.send!({ ready: true });
