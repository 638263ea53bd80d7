/** E-mail (RFC 822 / .eml): headers, the body as text, attachments as child files. */
import { simpleParser, type AddressObject } from "mailparser";
import type { ParsedFile } from "../types.ts";
import { htmlToText } from "./html.ts";

export async function parseEmail(bytes: Uint8Array): Promise<ParsedFile> {
  const mail = await simpleParser(Buffer.from(bytes), { skipImageLinks: true });
  const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
    (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) =>
      a.value.map((v) => (v.name ? `${v.name} <${v.address ?? ""}>` : (v.address ?? ""))),
    );
  const recipients = [...addresses(mail.to), ...addresses(mail.cc)].filter(Boolean);
  const sender = addresses(mail.from)[0];
  const body = mail.text ?? (typeof mail.html === "string" ? htmlToText(mail.html) : "");
  const header = [
    sender && `From: ${sender}`,
    recipients.length > 0 && `To: ${recipients.join(", ")}`,
    mail.subject && `Subject: ${mail.subject}`,
  ].filter(Boolean);
  return {
    schema: "Email",
    text: `${header.join("\n")}\n\n${body}`.trim(),
    title: mail.subject || undefined,
    sender,
    recipients,
    date: mail.date?.toISOString(),
    children: mail.attachments.map((attachment, index) => ({
      name: attachment.filename ?? `attachment-${index + 1}`,
      bytes: new Uint8Array(attachment.content),
    })),
  };
}
