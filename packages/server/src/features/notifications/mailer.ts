import nodemailer from "nodemailer";
import type { Mailer } from "../../http/deps";

/**
 * SMTP through nodemailer when LINXUAN_SMTP_URL is set (smtp://user:pass@host:587), else a mailer
 * that is disabled: notifications then stay in-app and their e-mail is marked skipped.
 */
export function createMailer(smtpUrl: string | null, from: string): Mailer {
  if (!smtpUrl) {
    return {
      enabled: false,
      send: async () => {
        throw new Error("未配置 SMTP 服务器");
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    enabled: true,
    async send(mail) {
      // A fixed Message-ID per notification lets a receiving server drop the copy sent again
      // after a crash between sending and recording it (delivery is at least once).
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
      });
    },
  };
}
