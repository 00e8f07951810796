import type { ValidationChecks } from 'langium';
import type { MandateAstType } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { pathChecks } from './policy-paths.js';
import type { NodeRule } from './rule.js';

export const pathOutsideWorkspace: NodeRule = {
    id: IssueCodes.PathOutsideWorkspace,
    scope: 'node',
    category: 'well-formedness',
    severity: 'error',
    standards: ['ISO27001:7.5'],
    summary: 'A job-description or evidence path points outside the workspace; it is never read.',
    fixable: false,
    checks: (context, report) => pathChecks(context, (occurrence, accept) => {
        if (occurrence.resolved.kind !== 'outside') return;
        report(accept, { node: occurrence.node, property: occurrence.property as never, index: occurrence.index },
            `'${occurrence.text}' is not inside the workspace folder: ${occurrence.resolved.reason}. `
            + 'Keep job descriptions and evidence in the policy repository and refer to them by a relative path; Mandate never reads files outside it.');
    }) as ValidationChecks<MandateAstType>
};
