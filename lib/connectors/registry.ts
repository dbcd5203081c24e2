import type { z } from "zod";
import aliyun from "./aliyun";
import dev from "./dev";
import http from "./http";
import mailgun from "./mailgun";
import postmark from "./postmark";
import resend from "./resend";
import sendgrid from "./sendgrid";
import ses from "./ses";
import smtp from "./smtp";
import { ConnectorError } from "./types";

/**
 * Every email connector, keyed by id (= its folder name under lib/connectors/).
 * Static on purpose: adding a connector is a code change, reviewed and tested
 * (registry.test.ts fails if a folder is not registered here). The order is
 * the console's order of provider cards.
 */
export const connectors = { dev, smtp, http, sendgrid, mailgun, postmark, ses, aliyun, resend } as const;

export type ConnectorId = keyof typeof connectors;
export type Connector<Id extends ConnectorId = ConnectorId> = (typeof connectors)[Id];
export type ConnectorConfig<Id extends ConnectorId> = z.infer<(typeof connectors)[Id]["configSchema"]>;

export const CONNECTOR_IDS = Object.keys(connectors) as ConnectorId[];

export function isConnectorId(value: unknown): value is ConnectorId {
  return typeof value === "string" && Object.hasOwn(connectors, value);
}

/**
 * Validates a raw config (form input, a database row, env) against the
 * connector's schema. Throws ConnectorError(invalid_config) listing every
 * problem by field; values are never echoed, so secrets stay out of it.
 */
export function parseConnectorConfig<Id extends ConnectorId>(id: Id, raw: unknown): ConnectorConfig<Id> {
  if (!isConnectorId(id)) {
    throw new ConnectorError("invalid_config", `Unknown email connector "${String(id).slice(0, 60)}"; expected one of: ${CONNECTOR_IDS.join(", ")}.`);
  }
  const connector: Connector = connectors[id];
  const parsed = connector.configSchema.safeParse(raw);
  if (!parsed.success) {
    // First problem per field: `host: is required`, not also `host: must be a host name`.
    const byPath = new Map<string, string>();
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join(".");
      if (!byPath.has(path)) byPath.set(path, path ? `${path}: ${issue.message}` : issue.message);
    }
    const problems = [...byPath.values()];
    throw new ConnectorError("invalid_config", `Invalid ${connector.label} configuration: ${problems.join("; ")}.`, {
      cause: parsed.error,
    });
  }
  return parsed.data as ConnectorConfig<Id>;
}
