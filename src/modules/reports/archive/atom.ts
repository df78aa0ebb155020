/**
 * Atom 1.0 (RFC 4287) feeds of published reports. Every text is escaped for XML; control
 * characters XML 1.0 forbids are dropped, so a report's text can never make the feed ill-formed.
 */
import type { ArchiveItem } from './query.ts';

// XML 1.0 allows tab, line feed and carriage return among the control characters, and no others (nor lone surrogates).
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(value: string): string {
  return value.replace(forbidden, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** A summary's Markdown as plain text, short: the feed reader shows it as text, never as markup. */
export function plainSummary(markdown: string | null, takeaways: readonly string[], max = 500): string {
  const source = markdown ?? takeaways.join(' · ');
  const text = source.replace(/[`*_>#~|[\]()]/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export interface Feed {
  title: string;
  /** The feed's own absolute address (its id and rel=self). */
  self: string;
  /** The page it follows (rel=alternate). */
  alternate: string;
  baseUrl: string;
  /** When the feed last changed: its newest entry's time, or a fixed instant for an empty feed. */
  updated: string;
  language: string;
  entries: Array<ArchiveItem & { summary: string }>;
}

export function atomFeed(feed: Feed): string {
  const entries = feed.entries.map((e) => {
    const url = `${feed.baseUrl}/reports/${e.report_id}`;
    return [
      '  <entry>',
      `    <id>${xmlText(url)}</id>`,
      `    <title xml:lang="${xmlText(e.language)}">${xmlText(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
      `    <published>${xmlText(e.published_at)}</published>`,
      `    <updated>${xmlText(e.updated_at)}</updated>`,
      `    <author><name>${xmlText(e.initiative.name || e.initiative.slug)}</name><uri>${xmlText(`${feed.baseUrl}/initiatives/${e.initiative.slug}`)}</uri></author>`,
      `    <summary type="text" xml:lang="${xmlText(e.language)}">${xmlText(e.summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlText(feed.language)}">`,
    `  <id>${xmlText(feed.self)}</id>`,
    `  <title>${xmlText(feed.title)}</title>`,
    `  <updated>${xmlText(feed.updated)}</updated>`,
    `  <author><name>Cabildo</name><uri>${xmlText(feed.baseUrl)}</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(feed.alternate)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
