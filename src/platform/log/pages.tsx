import type { Hono } from 'hono';
import type { AppEnv, Services } from '../http/env.ts';
import { page } from '../http/context.ts';
import { formatDate } from '../i18n/index.ts';
import { useView } from '../views/context.ts';
import type { Db } from '../db/index.ts';
import type { LogKind } from './verify.ts';
import { witnessedLogs } from './witness.ts';

const recentShown = 20;

interface ShownEntry {
  index: number;
  time: string;
  label: string;
  version: number;
  record: { title: string; href: string } | null;
}

function LogPage({ size, note, verifierKey, entries, witnessed }: {
  size: number; note: string; verifierKey: string; entries: ShownEntry[]; witnessed: Awaited<ReturnType<typeof witnessedLogs>>;
}) {
  const { t, locale } = useView();
  return (
    <>
      <h1>{t('common.log.title')}</h1>
      <p>{t('common.log.what')}</p>
      <p>{t('common.log.how')}</p>
      <h2>{t('common.log.proves_title')}</h2>
      <p>{t('common.log.proves')}</p>
      <h2>{t('common.log.not_proves_title')}</h2>
      <p>{t('common.log.not_proves')}</p>
      <p>{t('common.log.witnesses')}</p>

      <h2>{t('common.log.checkpoint_title')}</h2>
      <p>{t('common.log.checkpoint_size', { size })}</p>
      <p><code class="wrap">{verifierKey}</code></p>
      <pre class="wrap">{note}</pre>

      <h2>{t('common.log.recent_title')}</h2>
      {entries.length === 0 ? <p>{t('common.log.none')}</p> : (
        <ul class="log-entries">
          {entries.map((e) => (
            <li>
              <strong>{t(e.label)}</strong>{e.record ? <>{' — '}<a href={e.record.href}>{e.record.title}</a></> : null}{' '}
              <span class="meta">
                {t('common.log.entry', { index: e.index })}{' · '}{t('common.log.version', { version: e.version })}{' · '}
                <time datetime={e.time}>{formatDate(e.time, locale)}</time>{' · '}
                <a href={`/api/log/entries?start=${e.index}&end=${e.index}`}>JSON</a>
              </span>
            </li>
          ))}
        </ul>
      )}

      {witnessed.length > 0 && (
        <>
          <h2>{t('common.log.witnessed_title')}</h2>
          <ul>
            {witnessed.map((w) => (
              <li>
                {t('common.log.witnessed_line', { origin: w.origin, size: w.tree_size, date: formatDate(w.witnessed_at, locale) })}{' — '}
                {w.status === 'consistent' ? t(`common.log.status.${w.status}`) : <strong>{t(`common.log.status.${w.status}`)}</strong>}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('common.log.check_title')}</h2>
      <p>{t('common.log.check')}</p>
      <ul>
        {['/api/log/checkpoint', '/api/log/key', `/api/log/entries?start=0&end=${Math.max(0, Math.min(size, 100) - 1)}`, '/api/log/witnessed', '/api/openapi.json'].map((href) => (
          <li><a href={href}><code class="wrap">{href}</code></a></li>
        ))}
      </ul>
      <p><a href="/">{t('common.layout.back_home')}</a></p>
    </>
  );
}

/** The newest entries, with each kind's name and each record's name and address from the module that logged it. */
async function shownEntries(db: Db, services: Services, kinds: ReadonlyMap<string, LogKind>): Promise<ShownEntry[]> {
  const recent = await services.transparencyLog.recent(recentShown);
  const described = new Map<string, { title: string; href: string }>();
  const byKind = new Map<string, string[]>();
  for (const e of recent) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e.record]);
  for (const [kind, records] of byKind) {
    const found = await kinds.get(kind)?.describe?.(db, records);
    for (const [record, about] of found ?? []) described.set(record, about);
  }
  return recent.map((e) => {
    const entry = JSON.parse(e.entry) as { time: string; version: number };
    return { index: e.index, time: entry.time, version: entry.version, label: kinds.get(e.kind)?.label ?? e.kind, record: described.get(e.record) ?? null };
  });
}

/** `/log`: what the log proves, in plain words, with its latest checkpoint and newest entries. */
export function logPages(app: Hono<AppEnv>, services: Services, kinds: ReadonlyMap<string, LogKind>): void {
  app.get('/log', async (c) => {
    const { size, note } = await services.transparencyLog.checkpoint();
    const entries = await shownEntries(services.db, services, kinds);
    const witnessed = await witnessedLogs(services.db);
    return page(c, c.get('t')('common.log.title'), <LogPage size={size} note={note} verifierKey={services.transparencyLog.signer.text} entries={entries} witnessed={witnessed} />);
  });
}
