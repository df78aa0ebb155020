import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/** One parser for reports, with no extensions: the same text always gives the same HTML. */
const marked = new Marked({ async: false, gfm: true, breaks: false });

/**
 * Only what a report's prose needs: paragraphs, emphasis, lists, quotes, code, simple headings and
 * links (http, https, mailto) that leave the site marked as user content. Anything else typed as
 * HTML (a script, an image, a style, an event handler) is dropped, its text kept where harmless.
 */
const allowed: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'em', 'strong', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  // `rel` is the one the transform below sets: sanitize-html checks attributes after transforming.
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Headings a reader types (# …) sit under the report's own h2 sections.
  transformTags: {
    h1: 'h3', h2: 'h3',
    a: (tag, attribs) => ({ tagName: tag, attribs: { ...attribs, rel: 'nofollow ugc noopener' } }),
  },
};

/** A report's Markdown as HTML that is safe to put in a page as it is. */
export function renderMarkdown(text: string): string {
  return sanitizeHtml(marked.parse(text) as string, allowed);
}
