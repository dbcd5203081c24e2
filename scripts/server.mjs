// The app's entry point for `npm start` and `npm run dev` (`--dev`): Next.js
// behind a small front door (lib/server/front-door.ts) that alone sees the
// socket, so the client address cannot be forged, and that refuses what Next
// would answer with a 500. The environment is checked first: a bad one ends
// the process with one line per problem, before anything listens.
import { EventEmitter } from "node:events";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";
import { loadEnvFiles } from "./load-env.mjs";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const root = fileURLToPath(new URL("..", import.meta.url));
process.chdir(root);
loadEnvFiles();

// Scoped TypeScript loading: only these imports go through tsx, Next's own
// modules load as usual.
const lib = (path) => tsImport(`../lib/${path}`, import.meta.url);
const { exitWith, loadEnvOrExit } = await lib("server/load-env-or-exit.ts");
const env = await loadEnvOrExit({ serving: true });
const { createFrontDoor } = await lib("server/front-door.ts");
const { listenAddresses, listenAll } = await lib("server/listen.ts");

const frontDoor = createFrontDoor(env);
const { default: next } = await import("next");
const addresses = listenAddresses(env.HOST, dev);
const servers = [];
// Next attaches its (dev hot reload) WebSocket handler to one "server"; with
// one server per loopback address, each forwards its upgrades to this hub.
const upgrades = new EventEmitter();
const app = next({ dev, dir: root, hostname: "localhost", port: env.PORT, httpServer: upgrades });
try {
  await app.prepare();
} catch (error) {
  exitWith([`could not start: ${firstLine(error)}`]);
}
const handle = app.getRequestHandler();

try {
  servers.push(
    ...(await listenAll(
      () => {
        const server = createServer((req, res) => {
          if (frontDoor(req, res)) handle(req, res);
        });
        server.on("upgrade", (req, socket, head) => {
          if (!upgrades.emit("upgrade", req, socket, head)) socket.destroy();
        });
        return server;
      },
      addresses,
      env.PORT,
    )),
  );
} catch (error) {
  exitWith([firstLine(error)]);
}

const where = servers.map((s) => s.address()).map((a) => (a.family === "IPv6" ? `[${a.address}]` : a.address));
console.log(`mailgate: ready at ${env.APP_URL} (${dev ? "development" : "production"}; listening on ${where.join(", ")} port ${env.PORT})`);

async function stop() {
  await Promise.race([
    Promise.all([...servers.map((s) => new Promise((resolve) => s.close(resolve))), app.close()]),
    new Promise((resolve) => setTimeout(resolve, 5000).unref()),
  ]);
  process.exit(0);
}
process.once("SIGINT", stop);
process.once("SIGTERM", stop);

function firstLine(error) {
  return String(error instanceof Error ? error.message : error).split("\n")[0];
}
