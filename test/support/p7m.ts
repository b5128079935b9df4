import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Signs bytes with OpenSSL as Italian signing tools do (CMS SignedData, content attached,
 * DER); `streamed` gives the BER form with indefinite lengths and a chunked content.
 */
export function signP7m(content: Uint8Array, options: { streamed?: boolean } = {}): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), "p7m-"));
  try {
    const file = (name: string) => path.join(dir, name);
    writeFileSync(file("content"), content);
    const openssl = (...args: string[]) => execFileSync("openssl", args, { stdio: "pipe" });
    openssl(
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-subj",
      "/CN=Firma di prova",
      "-days",
      "1",
      "-keyout",
      file("key.pem"),
      "-out",
      file("cert.pem"),
    );
    openssl(
      "cms",
      "-sign",
      "-binary",
      "-nodetach",
      "-outform",
      "DER",
      "-in",
      file("content"),
      "-signer",
      file("cert.pem"),
      "-inkey",
      file("key.pem"),
      "-out",
      file("signed.p7m"),
      ...(options.streamed ? ["-stream"] : []),
    );
    return readFileSync(file("signed.p7m"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
