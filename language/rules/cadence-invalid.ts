import { CstUtils, isLeafCstNode, type ValidationAcceptor } from 'langium';
import type { Cadence, GracePeriod } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { cadenceUnit, type CadenceUnit } from '../util/dates.js';
import type { NodeRule, RuleReporter } from './rule.js';

/** The longest cadence or grace period that still recurs within an audit horizon: ten years. */
export const MAX_CADENCE_YEARS = 10;
/** Ten years in each unit (leap days included). */
const MAX_COUNT: Record<CadenceUnit, number> = { day: 3653, week: 522, month: 120, quarter: 40, year: MAX_CADENCE_YEARS };
const LIMITS = `${MAX_CADENCE_YEARS} years (${MAX_COUNT.day} days, ${MAX_COUNT.week} weeks, ${MAX_COUNT.month} months, ${MAX_COUNT.quarter} quarters)`;

/**
 * `every 0 days`, `every 100000000 days` and `within 100000000 days` parse, but no programme or
 * duty recurs like that: the first is always due, the others never are, and dates past the year
 * 9999 cannot be computed. Such a number is a typo or a placeholder, so it is reported instead
 * of silently making every completion current (or overdue).
 */
export const cadenceInvalid: NodeRule = {
    id: IssueCodes.CadenceInvalid,
    scope: 'node',
    category: 'well-formedness',
    severity: 'error',
    standards: [],
    summary: `A cadence or grace period is zero or longer than ${MAX_CADENCE_YEARS} years, such as \`every 100000000 days\`.`,
    fixable: false,
    checks: (_context, report) => ({
        Cadence: (cadence, accept) => checkCadence(cadence, accept, report),
        GracePeriod: (grace, accept) => checkGrace(grace, accept, report)
    })
};

function checkCadence(cadence: Cadence, accept: ValidationAcceptor, report: RuleReporter): void {
    const unit = cadenceUnit(cadence.unit);
    // Without its unit the cadence is a syntax error, reported by the parser.
    if (!unit || cadence.count === undefined) return;
    const written = sourceText(cadence, `every ${cadence.count} ${cadence.unit}`);
    if (cadence.count === 0) {
        report(accept, { node: cadence, property: 'count' },
            `\`${written}\` never comes round: write how often it recurs, at least \`every 1 ${unit}\`.`);
    } else if (!(cadence.count <= MAX_COUNT[unit])) {
        report(accept, { node: cadence, property: 'count' },
            `\`${written}\` is out of range: a cadence may be at most ${LIMITS}. Write the real cadence, e.g. \`every year\`, or remove it if this happens only once.`);
    }
}

function checkGrace(grace: GracePeriod, accept: ValidationAcceptor, report: RuleReporter): void {
    if (grace.days === undefined || grace.days <= MAX_COUNT.day) return;
    report(accept, { node: grace, property: 'days' },
        `\`${sourceText(grace, `within ${grace.days} days`)}\` is out of range: a grace period may be at most ${MAX_COUNT.day} days (${MAX_CADENCE_YEARS} years). Write the real grace period, e.g. \`within 30 days\`.`);
}

/**
 * What the policy wrote, its tokens without the comments between them, on one line and cut short:
 * a count of 400 digits is not repeated whole. The message is the same however the text is laid
 * out (an edit of blanks and comments keeps the findings: layout-edit/).
 */
function sourceText(node: Cadence | GracePeriod, fallback: string): string {
    const tokens = node.$cstNode ? CstUtils.streamCst(node.$cstNode).filter(token => isLeafCstNode(token) && !token.hidden).map(token => token.text).toArray() : [];
    const text = tokens.length > 0 ? tokens.join(' ') : fallback;
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
