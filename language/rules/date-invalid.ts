import type { Properties } from 'langium';
import { IssueCodes } from '../mandate-issue-codes.js';
import { EARLIEST_POLICY_DATE, isValidIsoDate } from '../util/dates.js';
import { dateChecks, dateValue } from './date-fields.js';
import type { NodeRule } from './rule.js';

export const dateInvalid: NodeRule = {
    id: IssueCodes.DateInvalid,
    scope: 'node',
    category: 'well-formedness',
    severity: 'error',
    standards: ['ISO27001:7.5'],
    summary: 'A date does not exist in the calendar, such as 2024-02-30, or lies before the year 1900.',
    fixable: false,
    checks: (_context, report) => dateChecks((node, fields, accept) => {
        for (const property of fields.all) {
            const value = dateValue(node, property);
            if (value === undefined) continue;
            if (!isValidIsoDate(value)) {
                report(accept, { node, property: property as Properties<typeof node> },
                    `${value} is not a valid calendar date. Write dates as YYYY-MM-DD with a real month and day.`);
            } else if (value < EARLIEST_POLICY_DATE) {
                report(accept, { node, property: property as Properties<typeof node> },
                    `${value} lies before the year 1900, which no record of people working today does. Write the real date as YYYY-MM-DD; leave a date out if it is not known.`);
            }
        }
    })
};
