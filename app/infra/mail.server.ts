/**
 * E-mail out through the configured SMTP server (nodemailer). One connection is reused for a
 * whole run; each message succeeds or fails on its own, with the server's own words.
 */
import nodemailer from "nodemailer";
import type { SmtpConfig } from "./config.server";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Resolves once the server accepted the message; rejects with its reason. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** A nightly batch may wait a little for a slow server, not for minutes per message. */
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

export function createMailer(smtp: SmtpConfig): Mailer {
  const common = { pool: true, maxConnections: 1, ...TIMEOUTS } as const;
  const transport = nodemailer.createTransport(
    "url" in smtp
      ? { ...common, url: smtp.url }
      : {
          ...common,
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          auth:
            smtp.user === null ? undefined : { user: smtp.user, pass: smtp.password ?? undefined },
        },
  );
  return {
    async send(mail) {
      await transport.sendMail({
        from: smtp.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        // Asks vacation responders and the like not to answer (RFC 3834).
        headers: { "Auto-Submitted": "auto-generated" },
      });
    },
    close: () => transport.close(),
  };
}
