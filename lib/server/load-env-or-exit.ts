import type { Env } from "../env";

/**
 * Boot's first step (server, prepare, worker): validate the environment and,
 * if anything is wrong, print one line per problem naming the variable and
 * exit 1 — no stack trace, before anything listens or connects.
 *
 * lib/env parses process.env when it is first imported, so it is imported
 * here, after the caller has loaded its .env files; call this before
 * importing anything else from lib/.
 */
export async function loadEnvOrExit(options: { serving?: boolean } = {}): Promise<Env> {
  let mod: typeof import("../env");
  try {
    mod = await import("../env");
  } catch (error) {
    if (!isEnvError(error)) throw error;
    return exitWith(error.problems);
  }
  const problems = options.serving ? mod.servingProblems(mod.env) : [];
  return problems.length > 0 ? exitWith(problems) : mod.env;
}

/** Prints each problem on its own line and exits 1. */
export function exitWith(problems: readonly string[]): never {
  for (const problem of problems) console.error(`mailgate: ${problem}`);
  process.exit(1);
}

// Not `instanceof`: the class lives in the module whose evaluation failed.
function isEnvError(error: unknown): error is { problems: string[] } {
  return error instanceof Error && error.name === "EnvError" && Array.isArray((error as { problems?: unknown }).problems);
}
