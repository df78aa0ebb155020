import type { ModuleMigration } from '../../../platform/module.ts';
import * as courses from './202611301400_courses_courses.ts';
import * as images from './202611301410_courses_images.ts';

export const courseMigrations: Record<string, ModuleMigration> = {
  '202611301400_courses_courses': courses,
  '202611301410_courses_images': images,
};
