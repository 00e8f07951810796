import { AstUtils, type Properties } from 'langium';
import { isGeneratedTree } from '../import/people-file.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { isValidIsoDate } from '../util/dates.js';
import { dateChecks, dateValue } from './date-fields.js';
import type { NodeRule } from './rule.js';

export const dateInFuture: NodeRule = {
    id: IssueCodes.DateInFuture,
    scope: 'node',
    category: 'well-formedness',
    severity: 'warning',
    standards: ['ISO27001:7.5'],
    summary: 'A start of employment, an announcement, an acknowledgement or a completion date lies after the as-of date.',
    fixable: false,
    checks: (context, report) => dateChecks((node, fields, accept) => {
        const asOf = context.settings.asOf();
        for (const property of fields.events) {
            const value = dateValue(node, property);
            if (value && isValidIsoDate(value) && value > asOf) {
                // An HR export lists the joiners of next month: a planned start, which nobody can
                // correct in a file the next import rewrites (assignment-before-joining flags a role given early).
                if (node.$type === 'Person' && isGeneratedTree(AstUtils.findRootNode(node))) continue;
                report(accept, { node, property: property as Properties<typeof node> },
                    `${value} is after the as-of date ${asOf}, so it has not happened yet and counts for nothing until then. `
                    + 'Check the date, or the as-of date (`--as-of` or the `mandate.asOf` setting).');
            }
        }
    })
};
