import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML in an answer stays text (html: false); the sanitiser is the second wall for what markdown-it emits.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true });

const ALLOWED = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'blockquote', 'code', 'pre', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 's'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Headings inside an answer sit under the field's own heading: never an h1/h2 of their own.
  transformTags: { h1: 'h3', h2: 'h4' },
};

/** An answer's Markdown as HTML that is safe to put on a page. */
export function renderMarkdown(text: string): string {
  return sanitizeHtml(markdown.render(text), ALLOWED);
}
