import { IssueCodes } from '../mandate-issue-codes.js';
import type { EngineRule } from './rule.js';

/** Applied by the document validator, which sees every finding a suppression could match. */
export const suppressionUnused: EngineRule = {
    id: IssueCodes.SuppressionUnused,
    scope: 'engine',
    category: 'suppression',
    severity: 'warning',
    standards: ['ISO27001:7.5'],
    summary: 'A `// mandate-ignore` comment names an unknown rule, or suppresses nothing.',
    fixable: true
};
