import { readFileSync } from "node:fs";
import type { ActionRef } from "./action-cases";

/**
 * What the fuzz run attacks, read from the production build: every page and
 * route handler (app-path-routes-manifest) and every server action with the
 * pages that carry it (server-reference-manifest).
 */
type RoutesManifest = Record<string, string>;
type ReferenceManifest = { node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> };

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, "utf8")) as T;

export type BuildInfo = { pages: string[]; apis: string[]; actions: ActionRef[] };

export function readBuild(dir = ".next"): BuildInfo {
  const routes = readJson<RoutesManifest>(`${dir}/app-path-routes-manifest.json`);
  const pages: string[] = [];
  const apis: string[] = [];
  for (const [entry, route] of Object.entries(routes)) {
    if (route.startsWith("/_")) continue;
    (entry.endsWith("/route") ? apis : pages).push(route);
  }
  const references = readJson<ReferenceManifest>(`${dir}/server/server-reference-manifest.json`);
  const actions = Object.entries(references.node).map(([id, ref]) => ({
    id,
    name: ref.exportedName ?? "?",
    file: ref.filename ?? "?",
    // Worker keys are "app/<entry>", e.g. "app/(auth)/sign-in/page".
    pages: Object.keys(ref.workers).map((worker) => routes[worker.slice(3)]).filter((route): route is string => Boolean(route)),
  }));
  if (pages.length === 0 || apis.length === 0 || actions.length === 0) throw new Error(`No routes or actions found in ${dir}: build the app first`);
  return { pages: pages.sort(), apis: apis.sort(), actions };
}
