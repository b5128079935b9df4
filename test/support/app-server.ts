import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import type { Db } from "../../db/connection";
import { seedDemoData } from "../../scripts/seeds/demo";
import { seedDemoUsers } from "../../scripts/seeds/demo-users";
import { createTempDatabase } from "./temp-db";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface RunningApp {
  url: string;
  dataDir: string;
  databaseFile: string;
  filesDir: string;
  /** The process id of the running server. */
  pid: () => number;
  /** What the server printed so far. */
  output: () => string;
  stop: () => Promise<void>;
  /** Kills the server with SIGKILL, as a crash or a power cut would, and waits for it. */
  crash: () => Promise<void>;
  /** Stops the server as systemctl stop would (SIGTERM), keeping its data folder. */
  halt: () => Promise<void>;
  /** Starts the server again on the same data folder and port. */
  restart: () => Promise<void>;
}

/** Starts the production build on a free loopback port over a fresh demo database. */
export interface StartOptions {
  today?: string;
  /** Changes the demo database before the server starts. */
  prepare?: (db: Db) => void;
  env?: Record<string, string>;
  /** Keep the session secret in the data folder's file, as `npm run setup` does, not in the environment. */
  sessionSecretFile?: boolean;
  /** Another checkout with its own build (benchmarks against an earlier version). */
  root?: string;
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  const root = options.root ?? ROOT;
  const build = path.join(root, "build/index.js");
  if (!existsSync(build))
    throw new Error("Manca la build: eseguire `npm run build` prima dei test e2e");
  const temp = createTempDatabase();
  seedDemoData({ db: temp.db, filesDir: temp.filesDir, today: options.today ?? "2026-11-22" });
  await seedDemoUsers(temp.db);
  options.prepare?.(temp.db);
  temp.sqlite.close();
  const secret = randomBytes(32).toString("hex");
  if (options.sessionSecretFile)
    writeFileSync(path.join(temp.dir, "session-secret"), secret, { mode: 0o600 });

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    CRUSCOTTO_PUBLIC_URL: url,
    CRUSCOTTO_DATA_DIR: temp.dir,
    CRUSCOTTO_SESSION_SECRET: options.sessionSecretFile ? undefined : secret,
    ...(options.today ? { CRUSCOTTO_TODAY: options.today } : {}),
    ...options.env,
  };
  const output: string[] = [];
  const launch = async () => {
    const child = spawn(process.execPath, [build], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.on("data", (d) => output.push(String(d)));
    child.stderr?.on("data", (d) => output.push(String(d)));
    await waitUntilAnswering(url, child, output);
    return child;
  };
  let child = await launch();
  return {
    url,
    dataDir: temp.dir,
    databaseFile: temp.file,
    filesDir: temp.filesDir,
    pid: () => child.pid ?? 0,
    output: () => output.join(""),
    stop: async () => {
      await stopProcess(child);
      temp.cleanup();
    },
    halt: () => stopProcess(child),
    crash: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
    restart: async () => {
      child = await launch();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(
  url: string,
  child: ChildProcess,
  output: string[],
): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Il server è terminato:\n${output.join("")}`);
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(2_000) });
      if (response.status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`Il server non risponde su ${url}:\n${output.join("")}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
