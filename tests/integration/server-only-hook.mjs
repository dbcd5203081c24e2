// For a second app instance that renders emails (./second-instance.ts with
// `renders`): React's server renderer refuses to load under the
// `react-server` condition, which is what normally lets `server-only`
// resolve to its empty module. Without the condition, this resolves it there.
import { register } from "node:module";

register("data:text/javascript," + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export%20%7B%7D", format: "module", shortCircuit: true };
  return next(specifier, context);
}`));
