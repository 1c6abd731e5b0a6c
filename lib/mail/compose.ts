export const PORTAL_NAME = "CLASSOUND partner portal";

export interface MailContent {
  /** Plain paragraphs separated by blank lines; no markup. */
  body: string;
  /** An absolute link (portalUrl), shown as the mail's one button. */
  link?: { url: string; label: string };
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function mailText({ body, link }: MailContent): string {
  return `${body.trim()}\n${link ? `\n${link.label}: ${link.url}\n` : ""}\n— ${PORTAL_NAME}\n`;
}

/** A deliberately plain HTML part: inline styles only, since mail readers drop style sheets. */
export function mailHtml({ body, link }: MailContent): string {
  const paragraphs = body
    .trim()
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 16px">${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  const button = link
    ? `<p style="margin:24px 0"><a href="${escapeHtml(link.url)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;padding:10px 18px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(link.label)}</a></p>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(PORTAL_NAME)}</title></head>
<body style="margin:0;padding:24px;background:#f5f5f5;font-family:Arial,Helvetica,sans-serif;color:#171717;font-size:15px;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">
<p style="margin:0 0 20px;font-weight:700;color:#1d4ed8">${escapeHtml(PORTAL_NAME)}</p>
${paragraphs}
${button}
</div>
</body></html>
`;
}
