import type { Db } from '../../platform/db/index.ts';
import type { LogKind } from '../../platform/log/index.ts';
import { coursesDb, type CourseCertificatesTable } from './tables.ts';

export const certificateIssuedKind = 'courses.certificate_issued';
export const recordOf = (id: string) => `certificate/${id}`;

/**
 * What the log's hash covers: the certificate as it reads (the learner's name, the course, the
 * date). The entry itself holds only its hash; the verification page shows both.
 */
export const certificateContent = (c: Pick<CourseCertificatesTable, 'id' | 'course_id' | 'course_title' | 'learner_name' | 'issued_at'>) => ({
  certificate: c.id, course: c.course_id, course_title: c.course_title, issued_at: c.issued_at, learner_name: c.learner_name,
});

async function content(db: Db, record: string, version: number): Promise<unknown | null> {
  const [type, id] = record.split('/');
  if (type !== 'certificate' || !id || version !== 1) return null;
  const row = await coursesDb(db).selectFrom('course_certificates').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? certificateContent(row) : null;
}

async function describe(db: Db, records: readonly string[]): Promise<Map<string, { title: string; href: string }>> {
  const ids = records.map((r) => r.split('/')[1]).filter((id): id is string => Boolean(id));
  if (!ids.length) return new Map();
  const rows = await coursesDb(db).selectFrom('course_certificates').select(['id', 'course_title']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [recordOf(row.id), { title: row.course_title, href: `/certificates/${row.id}` }]));
}

export const courseLogKinds: Record<string, LogKind> = { [certificateIssuedKind]: { label: 'courses.log.certificate_issued', content, describe } };
