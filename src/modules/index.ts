import type { ModuleManifest } from '../platform/module.ts';
import { accountsModule } from './accounts/module.ts';
import { initiativesModule } from './initiatives/module.ts';
import { opinionModule } from './opinion/module.ts';
import { eventsModule } from './events/module.ts';
import { reportsModule } from './reports/module.ts';
import { fundingModule } from './funding/module.ts';
import { toolkitModule } from './toolkit/module.ts';
import { plansModule } from './plans/module.ts';
import { briefsModule } from './briefs/module.ts';
import { coursesModule } from './courses/module.ts';
import { consultationsModule } from './consultations/module.ts';
import { mentoringModule } from './mentoring/module.ts';

/** Every domain module, in the order their routes are mounted. Adding a module is one line here. */
export const modules: readonly ModuleManifest[] = [accountsModule, initiativesModule, opinionModule, eventsModule, reportsModule, fundingModule, toolkitModule, plansModule, briefsModule, coursesModule, consultationsModule, mentoringModule];
