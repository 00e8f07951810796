import type { ValidationAcceptor } from 'langium';
import type { Authority, Responsibility } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { ACTIVITIES, findActivity } from '../standards/activities.js';
import { closestMatch } from '../util/did-you-mean.js';
import type { NodeRule, RuleReporter } from './rule.js';

const ACTIVITY_IDS = ACTIVITIES.map(activity => activity.id);

function checkActivity(report: RuleReporter) {
    return (node: Responsibility | Authority, accept: ValidationAcceptor) => {
        const id = node.activity;
        if (id === undefined || findActivity(id)) return;
        const suggestion = closestMatch(id, ACTIVITY_IDS);
        const hint = suggestion
            ? `Did you mean '${suggestion}' (${findActivity(suggestion)!.title})?`
            : `Use one of: ${ACTIVITY_IDS.join(', ')}; or leave the activity out.`;
        report(accept, { node, property: 'activity' },
            `'${id}' is not an activity in the catalogue, so no segregation-of-duties check applies to ${node.name ? `'${node.name}'` : 'this duty'}. ${hint}`);
    };
}

export const activityUnknown: NodeRule = {
    id: IssueCodes.ActivityUnknown,
    scope: 'node',
    category: 'well-formedness',
    severity: 'error',
    standards: [],
    summary: 'A responsibility or authority declares an `activity` that is not in the activity catalogue.',
    fixable: false,
    checks: (_context, report) => {
        const check = checkActivity(report);
        return { Responsibility: check, Authority: check };
    }
};
