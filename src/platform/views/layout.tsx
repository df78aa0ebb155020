import type { Child } from 'hono/jsx';
import type { Actor } from '../auth/identity.ts';
import { localeNames, locales } from '../i18n/index.ts';
import { stylesheet } from './assets.ts';
import { useView } from './context.ts';
import { CsrfField } from './components.tsx';

export interface NavLink {
  href: string;
  /** A catalog key. */
  label: string;
  /** Shown only when this answers true for the visitor. */
  visible?: (actor: Actor) => boolean;
}

let navigation: NavLink[] = [];

/** The app sets the main navigation once, from the module manifests. */
export function setNavigation(links: NavLink[]): void {
  navigation = links;
}

function LanguageSwitcher() {
  const { t, locale, url } = useView();
  const next = url.pathname + url.search;
  return (
    <nav class="languages" aria-label={t('common.layout.languages')}>
      <ul>
        {locales.map((code) => (
          <li>
            <a
              href={`/language/${code}?next=${encodeURIComponent(next)}`}
              lang={code}
              hreflang={code}
              aria-current={code === locale ? 'true' : undefined}
            >
              {localeNames[code]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The way to one's notifications, with how many are unread. */
async function NotificationsLink() {
  const { t, unreadNotifications } = useView();
  const unread = await unreadNotifications();
  return <a href="/notifications">{unread > 0 ? t('common.notifications.link_unread', { count: unread }) : t('common.notifications.link')}</a>;
}

function AccountLinks() {
  const { t, actor } = useView();
  if (!actor.user) {
    return (
      <ul>
        <li><a href="/login">{t('common.layout.login')}</a></li>
        <li><a href="/signup">{t('common.layout.signup')}</a></li>
      </ul>
    );
  }
  return (
    <ul>
      <li><NotificationsLink /></li>
      <li><a href="/account">{actor.user.name}</a></li>
      <li>
        <form method="post" action="/logout" class="inline">
          <CsrfField />
          <button type="submit" class="link-button">{t('common.layout.logout')}</button>
        </form>
      </li>
    </ul>
  );
}

/** The page frame: skip link, header landmarks, main, footer. */
export function Layout({ title, children }: { title: string; children?: Child }) {
  const { t, locale, actor } = useView();
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Cabildo`}</title>
        <link rel="stylesheet" href={stylesheet.path} />
      </head>
      <body>
        <a class="skip" href="#main">{t('common.layout.skip')}</a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href="/">Cabildo</a>
            <nav aria-label={t('common.layout.main_navigation')}>
              <ul>
                {navigation
                  .filter((link) => !link.visible || link.visible(actor))
                  .map((link) => (
                    <li><a href={link.href}>{t(link.label)}</a></li>
                  ))}
              </ul>
            </nav>
            <form method="get" action="/search" role="search" class="site-search" aria-label={t('common.search.label')}>
              <label for="site-search" class="visually-hidden">{t('common.search.label')}</label>
              <input id="site-search" name="q" type="search" maxlength={200} />
              <button type="submit">{t('common.search.submit')}</button>
            </form>
            <nav aria-label={t('common.layout.account')}>
              <AccountLinks />
            </nav>
            <LanguageSwitcher />
          </div>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer>
          <p>{t('common.layout.footer')}</p>
        </footer>
      </body>
    </html>
  );
}
