import { IssueCodes } from '../mandate-issue-codes.js';
import type { EngineRule } from './rule.js';

/** Applied by the document validator, next to the suppression it concerns. */
export const suppressionJustificationMissing: EngineRule = {
    id: IssueCodes.SuppressionJustificationMissing,
    scope: 'engine',
    category: 'suppression',
    severity: 'warning',
    standards: ['ISO27001:7.5'],
    summary: 'A `// mandate-ignore` comment gives no justification, so the accepted exception is not evidenced.',
    fixable: false
};
