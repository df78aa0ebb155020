import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

interface Asset {
  path: string;
  body: string;
  type: string;
}

function fingerprinted(file: string, name: string, extension: string, type: string): Asset {
  const body = readFileSync(new URL(file, import.meta.url), 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { path: `/assets/${name}.${hash}.${extension}`, body, type };
}

/** Static files, named by their content so browsers may cache them for a year. */
export const stylesheet = fingerprinted('./assets/app.css', 'app', 'css', 'text/css; charset=utf-8');
/** Progressive enhancement only (pages work without it); loaded with `defer`. */
export const script = fingerprinted('./assets/app.js', 'app', 'js', 'text/javascript; charset=utf-8');
export const assets: Asset[] = [stylesheet, script];
