import type { Properties } from 'langium';
import { IssueCodes } from '../mandate-issue-codes.js';
import { isValidIsoDate } from '../util/dates.js';
import { dateChecks, dateValue } from './date-fields.js';
import type { NodeRule } from './rule.js';

export const dateRangeInvalid: NodeRule = {
    id: IssueCodes.DateRangeInvalid,
    scope: 'node',
    category: 'well-formedness',
    severity: 'error',
    standards: ['ISO27001:7.5'],
    summary: 'A period ends before it starts.',
    fixable: false,
    checks: (_context, report) => dateChecks((node, fields, accept) => {
        for (const [startProperty, endProperty] of fields.ranges ?? []) {
            const start = dateValue(node, startProperty);
            const end = dateValue(node, endProperty);
            // Invalid dates are date-invalid's business; comparing them would only add noise.
            if (!start || !end || !isValidIsoDate(start) || !isValidIsoDate(end) || start <= end) continue;
            report(accept, { node, property: endProperty as Properties<typeof node> },
                `This period ends on ${end}, before it starts on ${start}. Correct one of the two dates.`);
        }
    })
};
