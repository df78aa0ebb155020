import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Services } from '../../platform/http/env.ts';
import { jsonAction } from '../../platform/http/action.ts';
import { problem } from '../../platform/http/problem.ts';
import { documentedWrite, problemResponse } from '../../platform/http/openapi.ts';
import { locales } from '../../platform/i18n/index.ts';
import { publishCourse } from './commands.ts';
import { coursePolicy } from './policy.ts';
import { findCertificate, listCourses } from './queries.ts';
import { CourseSchema } from './schema.ts';
import { presentCertificate } from './pages.tsx';

const Texts = z.object({ title: z.string(), summary: z.string() });

const CourseJson = z.object({
  slug: z.string(),
  language: z.enum(locales).openapi({ description: 'The language it was written in' }),
  title: z.string(),
  texts: z.record(z.string(), Texts).openapi({ description: 'Title and summary in every language the course has, by language' }),
  publisher: z.object({ kind: z.enum(['secretariat', 'initiative']), slug: z.string().nullable(), name: z.string().nullable() }),
  starter: z.boolean().openapi({ description: 'The starter course `cabildo seed demo` loads' }),
  lessons: z.number().int(),
  url: z.string(),
  download_url: z.string().openapi({ description: 'The whole course as one HTML file, for reading offline' }),
}).openapi('Course');

const CertificateJson = z.object({
  id: z.string(),
  learner_name: z.string(),
  course_title: z.string(),
  course: z.string().nullable().openapi({ description: 'The course’s slug, while it exists' }),
  issued_at: z.string(),
  log: z.object({
    index: z.number().int().openapi({ description: 'The entry of the public log that records the issuance' }),
    content_sha256: z.string().openapi({ description: 'SHA-256 of the canonical JSON of { certificate, course, course_title, issued_at, learner_name }: what the entry covers' }),
    inclusion_proof: z.string().openapi({ description: 'Where to fetch the entry’s inclusion proof in the log as it is now' }),
  }),
  url: z.string(),
}).openapi('CourseCertificate');

export function courseApi(api: OpenAPIHono<AppEnv>, services: Services): void {
  const { db, config } = services;

  api.openapi(
    createRoute({
      method: 'get', path: '/courses', summary: 'Every published course, the starter course first',
      responses: { 200: { description: 'The courses', content: { 'application/json': { schema: z.object({ items: z.array(CourseJson) }).openapi('Courses') } } } },
    }),
    async (c) => {
      const courses = await listCourses(db);
      return c.json({
        items: courses.map((course) => ({
          slug: course.slug, language: course.language as (typeof locales)[number], title: course.title, texts: course.content.texts as Record<string, { title: string; summary: string }>,
          publisher: course.initiative ? { kind: 'initiative' as const, slug: course.initiative.slug, name: course.initiative.name } : { kind: 'secretariat' as const, slug: null, name: null },
          starter: course.starter, lessons: course.lessons, url: `${config.baseUrl}/courses/${course.slug}`, download_url: `${config.baseUrl}/courses/${course.slug}/download`,
        })),
      }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: 'get', path: '/certificates/{id}', summary: 'A completion certificate and the public log entry that records it, so anyone can check it',
      request: { params: z.object({ id: z.string().min(1).max(40) }) },
      responses: { 200: { description: 'The certificate', content: { 'application/json': { schema: CertificateJson } } }, 404: problemResponse('No such certificate') },
    }),
    async (c) => {
      const row = await findCertificate(db, c.req.valid('param').id);
      if (!row) return problem(c, 404) as never;
      const shown = await presentCertificate(services, row);
      return c.json({
        id: shown.id, learner_name: shown.learner_name, course_title: shown.course_title, course: shown.course_slug, issued_at: shown.issued_at,
        log: { index: shown.log_index, content_sha256: shown.content_sha256, inclusion_proof: `${config.baseUrl}/api/log/proof/inclusion?index=${shown.log_index}&tree_size=${shown.tree_size}` },
        url: shown.address,
      }, 200);
    },
  );

  documentedWrite(api, createRoute({
    method: 'post', path: '/courses',
    summary: 'Publish a course (modules of Markdown lessons, each with its translations and quiz): for the secretariat, or for an initiative (`initiative`, its slug) whose committee you sit on',
    security: [{ bearerAuth: [] }],
    request: { body: { content: { 'application/json': { schema: CourseSchema } }, required: true } },
    responses: {
      201: { description: 'The course', content: { 'application/json': { schema: z.object({ slug: z.string(), url: z.string() }) } } },
      401: problemResponse('Log in or send a token'), 403: problemResponse('Not the secretariat, nor on the initiative’s committee'),
      409: problemResponse('A course has that slug'), 415: problemResponse('The body is not JSON'), 422: problemResponse('Invalid fields, or an unknown initiative'),
    },
  }), jsonAction({
    allow: coursePolicy.publish,
    schema: CourseSchema,
    run: (ctx, input) => publishCourse(ctx, input),
    present: (c, { slug }) => c.json({ slug, url: `${config.baseUrl}/courses/${slug}` }, 201),
  }));
}
