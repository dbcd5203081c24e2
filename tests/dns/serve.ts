// The test DNS server as one process, for Playwright's webServer
// (playwright.config.ts): UDP and TCP on 127.0.0.1:PORTS.dns. It serves the
// console instance's sender domains (E2E_SENDER_ZONE, below).
import { PORTS } from "../../e2e/ports";
import { E2E_SENDER_ZONE } from "./e2e-zone";
import { startZoneServer } from "./zone-server";

const server = await startZoneServer(E2E_SENDER_ZONE, PORTS.dns);
console.log(`test DNS server at ${server.address}`);

const stop = () => void server.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
