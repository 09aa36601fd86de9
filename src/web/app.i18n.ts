import { benefitsI18n } from './benefits/benefits.i18n.ts';
import { consoleI18n } from './console/console.i18n.ts';
import { employmentI18n } from './employment/employment.i18n.ts';
import { livestreamI18n } from './livestream/livestream.i18n.ts';
import { matchingI18n } from './matching/matching.i18n.ts';
import { orgI18n } from './org/org.i18n.ts';
import { sharedI18n } from './shared/shared.i18n.ts';
import { workerI18n } from './worker/worker.i18n.ts';

/** Every namespace of the web app. A new module adds its catalogue here. */
export const appBundles = {
  shared: sharedI18n,
  console: consoleI18n,
  worker: workerI18n,
  org: orgI18n,
  employment: employmentI18n,
  livestream: livestreamI18n,
  benefits: benefitsI18n,
  matching: matchingI18n,
};
