/**
 * The opinion module's message catalogs (`./i18n/{es,en,pt,fr}.json`, namespace `opinion`).
 * The server registers them with every module's; the command line renders pages without the
 * server, so it registers them here first, once.
 */
import { registerCatalogs } from '../../platform/i18n/index.ts';

export const OPINION_CATALOGS = new URL('./i18n/', import.meta.url);

let registered = false;

export function ensureOpinionCatalogs(): void {
  if (registered) return;
  registerCatalogs('opinion', OPINION_CATALOGS);
  registered = true;
}
