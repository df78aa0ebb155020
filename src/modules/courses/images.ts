import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import { coursesDb } from './tables.ts';

/**
 * The largest image a lesson may carry (docs/decisions/033): lessons stay light on slow links. It
 * is also below the platform's 256 KB limit on a request's body, so a larger file is answered with
 * this module's message beside the field rather than the platform's "too large" page.
 */
export const maxImageBytes = 200 * 1024;

/** What the bytes are, by their first bytes (never the file's name or declared type); null for anything else (SVG included: it can carry script). */
export function imageType(bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/webp' | 'image/gif' | null {
  const starts = (...signature: number[]) => signature.every((b, i) => bytes[i] === b);
  const ascii = (at: number, text: string) => [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  return null;
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** `![alt](image:<id>)` in a lesson's Markdown. */
const reference = /!\[([^\]\n]{0,300})\]\(image:([A-Za-z0-9_-]{1,40})\)/g;

/** The images a text names. */
export const imagesIn = (markdown: string): string[] => [...new Set([...markdown.matchAll(reference)].map((m) => m[2]!))];

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A lesson's Markdown as safe HTML, its images included: each image reference is set aside, the
 * rest goes through the shared renderer and sanitiser (which allows no images), and the images
 * come back as tags built here, with their alt text escaped and their address from `source`
 * (a page's, or a data URI in the offline file), or as a link with a note (its size) when the
 * page has no room left for it. An unknown image leaves its alt text.
 */
export function withImages(markdown: string, render: (text: string) => string, source: (id: string) => string | { link: string; note: string } | null): string {
  const found: Array<{ alt: string; id: string }> = [];
  const text = markdown.replace(reference, (_, alt: string, id: string) => {
    found.push({ alt, id });
    return `CABILDOIMAGE${found.length - 1}X`;
  });
  return render(text).replace(/CABILDOIMAGE(\d+)X/g, (token, n: string) => {
    const image = found[Number(n)];
    if (!image) return token;
    const src = source(image.id);
    if (src && typeof src === 'object') return `<a href="${attribute(src.link)}">${attribute(image.alt)}</a> (${attribute(src.note)})`;
    return src ? `<img src="${attribute(src)}" alt="${attribute(image.alt)}" loading="lazy">` : attribute(image.alt);
  });
}

/** The data URIs of these images, for the offline file. */
export async function imageData(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await coursesDb(db).selectFrom('course_images').select(['id', 'media_type', 'data']).where('id', 'in', [...ids]).where('course_id', 'is not', null).execute();
  return new Map(rows.map((r) => [r.id, `data:${r.media_type};base64,${r.data}`]));
}
