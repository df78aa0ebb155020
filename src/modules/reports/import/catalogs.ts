/**
 * The command line and `seed demo` run without the web server, which is what loads the message
 * catalogs: the import's messages (and the stakeholder groups' names it prints) are loaded here,
 * once, as the opinion module does for its command.
 */
import { registerCatalogs } from '../../../platform/i18n/index.ts';

let loaded = false;

export function ensureImportCatalogs(): void {
  if (loaded) return;
  registerCatalogs('common', new URL('../../../platform/i18n/', import.meta.url));
  registerCatalogs('reports', new URL('../i18n/', import.meta.url));
  loaded = true;
}
