import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  raw: string;
  header(name: string): string | undefined;
  /** The decoded text/plain or text/html part. */
  part(type: "text/plain" | "text/html"): string;
}

function decodeQuotedPrintable(value: string) {
  const bytes = Buffer.from(
    value.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))),
    "latin1",
  );
  return bytes.toString("utf8");
}

function parse(raw: string): ReceivedMail {
  const [head] = raw.split(/\r\n\r\n/);
  const unfolded = head.replace(/\r\n[ \t]+/g, " ");
  return {
    raw,
    header: (name) => unfolded.match(new RegExp(`^${name}: (.*)$`, "im"))?.[1],
    part(type) {
      const match = raw.match(
        new RegExp(
          `Content-Type: ${type}[^\\r]*\\r\\nContent-Transfer-Encoding: ([\\w-]+)\\r\\n\\r\\n([\\s\\S]*?)\\r\\n--`,
          "i",
        ),
      );
      if (!match) throw new Error(`no ${type} part in:\n${raw}`);
      return match[1].toLowerCase() === "quoted-printable"
        ? decodeQuotedPrintable(match[2])
        : match[1].toLowerCase() === "base64"
          ? Buffer.from(match[2], "base64").toString("utf8")
          : match[2];
    },
  };
}

/** A real SMTP server inside the test, which can be stopped and started again on the same port. */
export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  let port = 0;

  async function start() {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push(parse(Buffer.concat(chunks).toString("latin1")));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  }

  async function stop() {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  }

  await start();
  return {
    received,
    url: () => `smtp://127.0.0.1:${port}`,
    start,
    stop,
    async waitFor(count: number, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mails, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return received;
    },
  };
}
