import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** One message as the SMTP server accepted it. */
export type ReceivedMail = { to: string; subject: string; messageId: string; text: string };

/**
 * A real SMTP server on 127.0.0.1 for tests: what it accepted is what a mail server would have
 * received. `holdNext()` makes it read the next message but never answer, as a slow server would,
 * so a test can kill the sender mid-send; a held message is never counted as received.
 */
export async function startSmtp() {
  const received: ReceivedMail[] = [];
  let holding = false;
  let onHeld: (() => void) | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const held = holding;
      if (held) {
        holding = false;
        onHeld?.();
      }
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (held) return;
        // Long headers are folded over several lines: unfold before reading them.
        const raw = Buffer.concat(chunks)
          .toString("utf8")
          .replace(/\r?\n[ \t]+/g, " ");
        const header = (name: string) => raw.match(new RegExp(`^${name}: (.*)$`, "mi"))?.[1]?.trim() ?? "";
        received.push({
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(","),
          subject: decodeHeader(header("Subject")),
          messageId: header("Message-ID"),
          text: raw,
        });
        callback();
      });
    },
  });
  // A sender killed mid-message resets the connection; that is the point, not an error.
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    /** Holds the next message; resolves when it starts arriving. */
    holdNext: () =>
      new Promise<void>((resolve) => {
        holding = true;
        onHeld = resolve;
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** =?UTF-8?B?…?= / =?UTF-8?Q?…?= encoded words, as nodemailer writes Chinese subjects. */
function decodeHeader(value: string): string {
  return value.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, encoding: string, text: string) => {
    if (encoding.toUpperCase() === "B") return Buffer.from(text, "base64").toString("utf8");
    const bytes: number[] = [];
    for (let index = 0; index < text.length; index++) {
      const char = text[index];
      if (char === "=") {
        bytes.push(Number.parseInt(text.slice(index + 1, index + 3), 16));
        index += 2;
      } else bytes.push(char === "_" ? 0x20 : text.charCodeAt(index));
    }
    return Buffer.from(bytes).toString("utf8");
  });
}
