/** What an e-mail looks like when it leaves: placeholders filled from the secret, a link into the app, plain and HTML. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface MailSource {
  subject: string;
  body: string;
  html: string | null;
  link: string | null;
  secret: Record<string, string> | null;
}

const PLACEHOLDER = /\{\{([A-Za-z0-9_]+)\}\}/g;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Plain text as HTML: escaped, paragraphs and line breaks kept, web addresses clickable. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

function fill(template: string, secret: Record<string, string> | null, encode: (value: string) => string): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (secret && name in secret ? encode(secret[name]!) : whole));
}

export function renderMail(message: MailSource, baseUrl: string): RenderedMail {
  let text = fill(message.body, message.secret, (value) => value);
  let html = message.html !== null ? fill(message.html, message.secret, escapeHtml) : textToHtml(text);
  if (message.link) {
    const url = `${baseUrl}${message.link}`;
    text += `\n\nÖppna i Årshjulet: ${url}`;
    html += `\n<p><a href="${escapeHtml(url)}">Öppna i Årshjulet</a></p>`;
  }
  html = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${escapeHtml(message.subject)}</title></head><body>${html}</body></html>`;
  return { subject: message.subject, text, html };
}
