/** Tools for the attack tests: verbatim requests over a socket, and the server's memory. */
import { readdirSync, readFileSync } from "node:fs";
import { connect } from "node:net";
import type { RunningApp } from "./app-server";

/** Sends `head` (and `body`) exactly as written; resolves with the status line and the whole answer. */
export function rawRequest(
  app: RunningApp,
  text: string,
  timeoutMs = 10_000,
): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(app.url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname, () => socket.write(text));
    let data = "";
    const done = () =>
      resolve({ status: Number(/^HTTP\/1\.\d (\d{3})/.exec(data)?.[1] ?? 0), text: data });
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      data += chunk;
    });
    socket.on("end", done);
    socket.on("error", done);
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      done();
    });
  });
}

/** The pid of the server that startApp launched (found by its PORT). */
export function serverPid(app: RunningApp): number {
  const port = new URL(app.url).port;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!cmdline.includes("build/index.js")) continue;
      const environ = readFileSync(`/proc/${entry}/environ`, "utf8").split("\0");
      if (environ.includes(`PORT=${port}`)) return Number(entry);
    } catch {
      // A process that ended meanwhile.
    }
  }
  throw new Error(`no server process on port ${port}`);
}

/** Resident memory of a process, in MB. */
export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}
