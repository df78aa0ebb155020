import { tablesOf, type Db } from '../../platform/db/index.ts';

/** A course (docs/decisions/033): published by the secretariat (no initiative) or an initiative's committee. */
export interface CoursesTable {
  id: string;
  slug: string;
  /** The language it was written in; its title and summary may have translations (content). */
  language: string;
  /** The title in its own language (lists, search, certificates). */
  title: string;
  /** The initiative whose committee publishes it; none for the secretariat. */
  initiative_id: string | null;
  /** 1 for the starter course `seed demo` loads (shown as starter content). */
  starter: number;
  /** Canonical JSON of `CourseContent` (content.ts): titles, summaries and modules' titles per language. */
  content: string;
  created_by: string | null;
  created_at: string;
  /** What a learner last saw change (docs/decisions/037: published courses are edited in place). */
  updated_at: string;
  /** draft (its editors alone see it), published (in the catalogue) or withdrawn (out of it; certificates stay valid). */
  status: 'draft' | 'published' | 'withdrawn';
  /** When it was last published; later edits show an "updated" date. */
  published_at: string | null;
  withdrawn_at: string | null;
}

/** A lesson of a course, in its module; its texts per language and its quiz (content.ts). */
export interface CourseLessonsTable {
  id: string;
  course_id: string;
  slug: string;
  /** Its place in the whole course, from 0. */
  position: number;
  /** The module it belongs to, from 0. */
  module: number;
  language: string;
  title: string;
  /** Canonical JSON of `LessonContent`: texts per language and the right answers. */
  content: string;
  updated_at: string;
}

/** What a signed-in learner has done with a lesson. */
export interface CourseProgressTable {
  user_id: string;
  course_id: string;
  lesson_id: string;
  read_at: string | null;
  /** When the lesson's quiz was first passed. */
  passed_at: string | null;
  /** Right answers in the best attempt. */
  best_score: number | null;
  updated_at: string;
}

/** A completion certificate: what it says is fixed when issued, and its issuance is in the public log. */
export interface CourseCertificatesTable {
  id: string;
  course_id: string;
  user_id: string;
  learner_name: string;
  course_title: string;
  issued_at: string;
  /** The public log entry's index and the SHA-256 of what it covers. */
  log_index: number;
  content_sha256: string;
}

/** An image for lessons, uploaded by a publisher; lessons name it as `![alt](image:<id>)`. */
export interface CourseImagesTable {
  id: string;
  uploaded_by: string | null;
  /** The first course that used it: public from then on; until then only its uploader sees it. */
  course_id: string | null;
  /** image/png, image/jpeg, image/webp or image/gif, as its bytes say (images.ts). */
  media_type: string;
  size: number;
  sha256: string;
  /** The bytes, base64. */
  data: string;
  created_at: string;
}

export interface CoursesTables {
  courses: CoursesTable;
  course_lessons: CourseLessonsTable;
  course_progress: CourseProgressTable;
  course_certificates: CourseCertificatesTable;
  course_images: CourseImagesTable;
}

export const coursesTables = ['courses', 'course_lessons', 'course_progress', 'course_certificates', 'course_images'] as const satisfies ReadonlyArray<keyof CoursesTables>;

export const coursesDb = (db: Db) => tablesOf<CoursesTables>(db);
