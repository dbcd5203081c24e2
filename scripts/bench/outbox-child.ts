// Child process of `npm run bench` for the outbox part (see ./outbox.ts).
// Started with `--conditions=react-server --import tsx` because lib/ imports
// `server-only`, with its own database and env; reports over IPC.
import { bindConnector, loadSavedConnector, type ActiveConnector } from "@/lib/connectors/active";
import { isConnectorId } from "@/lib/connectors/registry";
import { saveConnector } from "@/lib/connectors/store";
import type { ChildConfig, ChildResult } from "./outbox-types";
import { drainOutbox, measureLatency } from "./outbox-measure";

type Setup = { connector: string; values: Record<string, string> };

const FROM = { address: "bench@mailgate.test", name: "Bench" };

const progress = (text: string) => process.send?.({ type: "progress", text });

function setups(config: ChildConfig): Setup[] {
  return [
    { connector: "smtp", values: { host: "127.0.0.1", port: String(config.smtpPort), security: "starttls-optional", "auth.type": "none", allowPrivateTargets: "on" } },
    {
      connector: "http",
      values: { endpoint: config.httpUrl, signingSecret: "bench-signing-secret-0123456789", allowPrivateTargets: "on", timeoutMs: "10000" },
    },
  ];
}

/**
 * Saves the connector as the console would (the worker's attempts look it up
 * each time) and binds the saved config for the direct sends. A reason
 * string when it cannot be set up.
 */
async function activate({ connector, values }: Setup): Promise<ActiveConnector | string> {
  if (!isConnectorId(connector)) return `the "${connector}" connector is not in lib/connectors/registry.ts`;
  const saved = await saveConnector({ connectorId: connector, values, fromAddress: FROM.address, fromName: FROM.name }, "bench");
  if (!saved.ok) return `saveConnector refused the bench config: ${JSON.stringify({ formError: saved.formError, fieldErrors: saved.fieldErrors })}`;
  const row = await loadSavedConnector();
  if (row?.connectorId !== connector) return "the saved connector did not read back";
  return bindConnector(row.connectorId, row.config, { name: row.fromName ?? undefined, address: row.fromAddress });
}

async function main(config: ChildConfig): Promise<ChildResult> {
  const { mail } = config;
  const result: ChildResult = { latency: [], drains: [], skipped: [], delivered: {} };

  for (const setup of setups(config)) {
    const active = await activate(setup);
    if (typeof active === "string") {
      result.skipped.push({ connector: setup.connector, reason: active });
      progress(`outbox: ${setup.connector}: skipped: ${active}`);
      continue;
    }
    let delivered = 0;
    progress(`outbox: ${setup.connector}: ${config.latencySends} sends each way, direct and through the outbox…`);
    const latency = await measureLatency(active, mail, config.latencySends, config.warmupSends);
    delivered += latency.delivered;
    const overheadP50Ms = latency.outbox.p50Ms !== null && latency.direct.p50Ms !== null ? latency.outbox.p50Ms - latency.direct.p50Ms : null;
    result.latency.push({ connector: setup.connector, direct: latency.direct, outbox: latency.outbox, overheadP50Ms });

    for (const loops of config.drainLoops) {
      progress(`outbox: ${setup.connector}: draining ${config.drainMessages} queued messages with ${loops} loop(s)…`);
      const { delivered: sent, ...drain } = await drainOutbox(mail, {
        connector: setup.connector, messages: config.drainMessages, loops, batchSize: config.batchSize, concurrency: config.concurrency, capMs: config.drainCapMs,
      });
      delivered += sent;
      result.drains.push(drain);
    }
    result.delivered[setup.connector] = delivered;
  }
  return result;
}

if (!process.send) throw new Error("outbox-child.ts is started by `npm run bench`, not on its own");
process.once("message", (message: { type: "config"; config: ChildConfig }) => {
  main(message.config).then(
    (result) => process.send!({ type: "result", result }, () => process.exit(0)),
    (error: unknown) => process.send!({ type: "error", message: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(1)),
  );
});
process.send({ type: "ready" });
