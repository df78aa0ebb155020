import type { Child } from 'hono/jsx';
import type { Actor } from '../auth/identity.ts';
import { localeNames, locales } from '../i18n/index.ts';
import { script, stylesheet } from './assets.ts';
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

/** One control for the language (a disclosure that works without script), so the header stays compact on a phone. */
function LanguageSwitcher() {
  const { t, locale, url } = useView();
  const next = url.pathname + url.search;
  return (
    <details class="language-menu">
      <summary>
        <span class="visually-hidden">{t('common.format.labelled', { label: t('common.layout.languages'), value: '' })}</span>
        <span lang={locale}>{localeNames[locale]}</span>
      </summary>
      <nav aria-label={t('common.layout.languages')}>
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
    </details>
  );
}

/** The wordmark's emblem: a round table seen from above, seats of several colours around it. */
function Emblem() {
  return (
    <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
      <circle cx="14" cy="14" r="7" fill="none" stroke="currentColor" stroke-width="2.5" />
      <circle cx="14" cy="3" r="2.6" fill="#f2c46d" />
      <circle cx="24.5" cy="10.5" r="2.6" fill="#8fd1c3" />
      <circle cx="20.5" cy="23" r="2.6" fill="#f29f8f" />
      <circle cx="7.5" cy="23" r="2.6" fill="#b9c8f5" />
      <circle cx="3.5" cy="10.5" r="2.6" fill="#e6e6e6" />
    </svg>
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

/** The script, last in the page, for pages whose views asked for it (rendered after them). */
function PageScript() {
  const { enhanced } = useView();
  return enhanced() ? <script src={script.path}></script> : null;
}

/** The sections of the site this visitor may use. */
function MainLinks() {
  const { t, actor } = useView();
  return <ul>{navigation.filter((link) => !link.visible || link.visible(actor)).map((link) => <li><a href={link.href}>{t(link.label)}</a></li>)}</ul>;
}

/** The page frame: skip link, header landmarks, main, footer. */
export function Layout({ title, children }: { title: string; children?: Child }) {
  const { t, locale } = useView();
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
            <a class="brand" href="/"><Emblem />Cabildo</a>
            <nav class="main-nav wide-nav" aria-label={t('common.layout.main_navigation')}><MainLinks /></nav>
            {/* On a phone the sections fold into a menu (no script needed), so the page starts on the first screen. */}
            <details class="menu-nav">
              <summary>{t('common.layout.menu')}</summary>
              <nav class="main-nav" aria-label={t('common.layout.main_navigation')}><MainLinks /></nav>
            </details>
            <form method="get" action="/search" role="search" class="site-search" aria-label={t('common.search.label')}>
              <label for="site-search" class="visually-hidden">{t('common.search.label')}</label>
              <input id="site-search" name="q" type="search" maxlength={200} />
              <button type="submit">{t('common.search.submit')}</button>
            </form>
            <nav class="account-nav" aria-label={t('common.layout.account')}>
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
          <p><a href="/log">{t('common.log.footer_link')}</a></p>
        </footer>
        <PageScript />
      </body>
    </html>
  );
}
