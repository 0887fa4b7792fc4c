import { bodyHtmlRule } from './body-html.ts';
import { catalogFilesRule } from './catalog-files.ts';
import { citationsRule } from './citations.ts';
import { cyclesRule } from './cycles.ts';
import { formerIdsRule } from './former-ids.ts';
import { generatedByRule } from './generated-by.ts';
import { metricHistoryRule } from './metric-history.ts';
import { publicationsRule } from './publications.ts';
import { recommendedRule } from './recommended.ts';
import { referencesRule } from './references.ts';
import type { CatalogRule } from './types.ts';
import { workflowStepsRule } from './workflow-steps.ts';

export const catalogRules: readonly CatalogRule[] = [referencesRule, cyclesRule, formerIdsRule, generatedByRule, workflowStepsRule, metricHistoryRule, catalogFilesRule, citationsRule, publicationsRule, bodyHtmlRule, recommendedRule];
export type { CatalogRule, RuleContext } from './types.ts';
