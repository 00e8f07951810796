import type { ValidationChecks } from 'langium';
import type { MandateAstType } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { pathChecks } from './policy-paths.js';
import type { NodeRule } from './rule.js';

export const evidenceMissing: NodeRule = {
    id: IssueCodes.EvidenceMissing,
    scope: 'node',
    category: 'well-formedness',
    severity: 'warning',
    // Not 5.3(a): a missing file is a gap in documented information (7.5) wherever it is cited; a Facilities contract of 2021 said nothing about who runs the ISMS.
    standards: ['ISO27001:7.5'],
    summary: 'A job-description or evidence path names a file that does not exist in the workspace.',
    fixable: false,
    checks: (context, report) => pathChecks(context, (occurrence, accept) => {
        const { located } = occurrence;
        if (located.kind !== 'inside' || (located.entry.type !== 'missing' && located.entry.type !== 'unreadable')) return;
        const what = occurrence.node.$type === 'JobDescription' ? 'job description' : 'evidence';
        const target = { node: occurrence.node, property: occurrence.property as never, index: occurrence.index };
        if (located.entry.type === 'unreadable') {
            report(accept, target, `The ${what} file '${located.relative}' cannot be looked up in the workspace: ${located.entry.reason}. `
                + 'Fix the file or its symbolic links, or correct the path.');
            return;
        }
        report(accept, target, `The ${what} file '${located.relative}' does not exist in the workspace. `
            + 'Add the document to the repository, or correct the path; references such as ticket numbers are fine without a file extension.');
    }) as ValidationChecks<MandateAstType>
};
