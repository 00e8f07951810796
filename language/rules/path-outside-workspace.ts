import type { ValidationChecks } from 'langium';
import type { MandateAstType } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { pathChecks } from './policy-paths.js';
import type { NodeRule } from './rule.js';

export const pathOutsideWorkspace: NodeRule = {
    id: IssueCodes.PathOutsideWorkspace,
    scope: 'node',
    throughSyntaxErrors: 'text',
    category: 'well-formedness',
    severity: 'error',
    standards: ['ISO27001:7.5'],
    summary: 'A job-description or evidence path points outside the workspace; it is never read.',
    fixable: false,
    checks: (context, report) => pathChecks(context, (occurrence, accept) => {
        const { located } = occurrence;
        const target = { node: occurrence.node, property: occurrence.property as never, index: occurrence.index };
        if (located.kind === 'outside') {
            report(accept, target, `'${occurrence.text}' is not inside the workspace folder: ${located.reason}. `
                + (located.link
                    ? 'Copy the document into the repository in place of the link; Mandate never follows a link out of the workspace.'
                    : 'Keep job descriptions and evidence in the policy repository and refer to them by a relative path; Mandate never reads files outside it.'));
        } else if (located.kind === 'inside' && located.entry.type === 'special') {
            // A FIFO would block whoever opens it, a device may never end: neither is a document.
            report(accept, target, `'${occurrence.text}' is ${located.entry.what}, not a document: Mandate never opens special files. `
                + 'Name a regular file in the policy repository.');
        }
    }) as ValidationChecks<MandateAstType>
};
