import type { ChildProcess } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startCli } from "../support/cli.js";
import { tempDir } from "../support/paths.js";

/**
 * Sends raw bytes to the port and returns everything the server says until it closes the
 * connection (the requests ask it to). The socket stays open for writing, as a browser's does:
 * Node's server drops a request whose client half-closes before the answer.
 */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (d) => (answer += d.toString("latin1")));
    socket.on("error", (err: NodeJS.ErrnoException) => (err.code === "ECONNRESET" ? resolve(answer) : reject(err)));
    socket.on("close", () => resolve(answer));
    socket.write(text);
  });
}

const statusOf = (answer: string) => /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];

/** `vstack preview` of an empty folder: a real server process that needs no browser. */
async function startPreview() {
  const dir = tempDir();
  mkdirSync(join(dir, "specs"));
  const cli = startCli(["preview", "specs", "--port", "0"], dir);
  running.push(cli.child);
  const port = Number((await cli.waitFor(/previewing at http:\/\/127\.0\.0\.1:(\d+)\//))[1]);
  await cli.waitFor(/preview updated/);
  const get = (path: string, host = `127.0.0.1:${port}`) => rawRequest(port, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
  const stillServing = async () => {
    expect(cli.child.exitCode, cli.output()).toBeNull();
    expect(statusOf(await get("/")), cli.output()).toBe("200");
  };
  return { dir, port, get, stillServing, output: cli.output };
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill("SIGTERM");
});

describe("vstack preview's server answers any request and keeps serving", () => {
  it("a request line whose address is not a URL gets 400", async () => {
    const { port, stillServing, output } = await startPreview();
    const answer = await rawRequest(port, `GET http://[/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
    expect(statusOf(answer), output()).toBe("400");
    await stillServing();
  });

  it("a file that fails while it is read costs only its own request", async () => {
    const { dir, get, stillServing } = await startPreview();
    // Found as a file, failing on its first read (EIO): a stand-in for a file that goes away mid-read.
    const out = join(dir, ".vstack-cache", "preview");
    mkdirSync(out, { recursive: true });
    symlinkSync("/proc/self/mem", join(out, "broken.svg"));
    writeFileSync(join(out, "fine.svg"), "<svg/>");
    const answer = await get("/broken.svg");
    expect(statusOf(answer)).toBe("500");
    await stillServing();
    const fine = await get("/fine.svg");
    expect(statusOf(fine)).toBe("200");
    expect(fine).toContain("<svg/>");
  });

  it("a request for another host name (DNS rebinding) is refused; the addresses it serves are answered", async () => {
    const { dir, port, get, stillServing } = await startPreview();
    mkdirSync(join(dir, ".vstack-cache", "preview"), { recursive: true });
    writeFileSync(join(dir, ".vstack-cache", "preview", "fine.svg"), "<svg/>");
    for (const host of [`evil.example:${port}`, "evil.example", `127.0.0.1:${port + 1}`, `localhost.evil.example:${port}`]) {
      for (const path of ["/", "/events", "/fine.svg"]) {
        const answer = await get(path, host);
        expect(statusOf(answer), `${host} ${path}`).toBe("403");
        expect(answer).toContain(`http://127.0.0.1:${port}/`);
      }
    }
    // An absolute address in the request line names the host too.
    expect(statusOf(await rawRequest(port, `GET http://evil.example:${port}/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`))).toBe("403");
    // HTTP/1.0 may leave the Host out: without one there is nothing to check it against.
    expect(statusOf(await rawRequest(port, "GET / HTTP/1.0\r\n\r\n"))).toBe("403");
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) expect(statusOf(await get("/", host)), host).toBe("200");
    expect(statusOf(await rawRequest(port, `GET http://localhost:${port}/ HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`))).toBe("200");
    await stillServing();
  });
});
