import type { ModuleMigration } from '../../../platform/module.ts';
import * as courses from './202611301400_courses_courses.ts';
import * as images from './202611301410_courses_images.ts';
import * as status from './202612040000_courses_status.ts';

export const courseMigrations: Record<string, ModuleMigration> = {
  '202611301400_courses_courses': courses,
  '202611301410_courses_images': images,
  '202612040000_courses_status': status,
};
