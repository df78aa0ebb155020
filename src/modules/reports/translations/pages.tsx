/** A report's translations (docs/decisions/024, "Translations"): read by whoever may read the report, written by its writers. */
import type { Context, Hono } from 'hono';
import type { AppEnv, Services } from '../../../platform/http/env.ts';
import { page } from '../../../platform/http/context.ts';
import { formAction, withNotice, type FailedForm, type FailedStatus } from '../../../platform/http/action.ts';
import { authorize } from '../../../platform/policy.ts';
import { isLocale } from '../../../platform/i18n/index.ts';
import { reportPolicy } from '../policy.ts';
import { findReport } from '../queries.ts';
import { TranslationSchema, isComplete, translatedContent, translationErrorsToFields, translationFromForm, translationValues } from './content.ts';
import { findTranslation, saveTranslation } from './store.ts';
import { TranslationForm, TranslationPage } from './views.tsx';

export function translationPages(app: Hono<AppEnv>, services: Services): void {
  const { db } = services;

  /** A report the visitor may read, and a language it may be translated into (not its own). */
  const loadReport = async (c: Context<AppEnv>) => {
    const language = c.req.param('lang') ?? '';
    const report = await findReport(db, c.req.param('id') ?? '');
    if (!report || !reportPolicy.view(c.get('actor'), report) || !isLocale(language) || language === report.language) return undefined;
    const found = await findTranslation(db, report.id, language);
    return Object.assign(report, { translation: { language, texts: found?.texts, version: found?.version ?? 0 } });
  };
  type Found = NonNullable<Awaited<ReturnType<typeof loadReport>>>;

  const showForm = (c: Context<AppEnv>, found: Found, failed?: FailedForm, status: 200 | FailedStatus = 200) => {
    const { language, texts } = found.translation;
    const form = failed ?? { values: texts ? translationValues(texts) : {}, errors: {} };
    return page(c, c.get('t')('reports.translations.form_title', { title: found.title, language }), <TranslationForm report={found} language={language} form={form} />, status);
  };

  app.get('/reports/:id/translations/:lang', async (c) => {
    const found = await loadReport(c);
    const texts = found?.translation.texts;
    if (!found || !texts) return c.notFound();
    return page(c, texts.title, (
      <TranslationPage report={found} language={found.translation.language} title={texts.title} content={translatedContent(found.content, texts)}
        complete={isComplete(found.content, texts)} fromVersion={found.translation.version} canEdit={reportPolicy.edit(c.get('actor'), found)} notice={c.req.query('notice')} />
    ));
  });

  app.get('/reports/:id/translations/:lang/edit', async (c) => {
    const found = await loadReport(c);
    if (!found) return c.notFound();
    authorize(c.get('actor'), reportPolicy.edit, found);
    return showForm(c, found);
  });

  app.post('/reports/:id/translations/:lang/edit', formAction({
    load: loadReport,
    allow: reportPolicy.edit,
    schema: TranslationSchema,
    fromForm: translationFromForm,
    toFields: translationErrorsToFields,
    run: (ctx, input, found) => saveTranslation(ctx, found, found.translation.language, input),
    done: (_, __, { subject }) => withNotice(`/reports/${subject.id}/translations/${subject.translation.language}`, 'saved'),
    retry: (c, failed, { subject, status }) => showForm(c, subject, failed, status),
  }));
}
