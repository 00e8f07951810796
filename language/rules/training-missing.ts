import { IssueCodes } from '../mandate-issue-codes.js';
import { obligationReason, trainingObligations, type TrainingObligation } from '../workspace/training-status.js';
import type { FindingTarget, WorkspaceFinding, WorkspaceRule } from './rule.js';

/** The assignment that makes the person need the programme, or the person when only `audience everyone` does. */
function targetOf(obligation: TrainingObligation): FindingTarget {
    const assignment = obligation.assignments[0];
    return assignment ? { node: assignment, property: 'person' } : { node: obligation.person, property: 'name' };
}

/** Someone who must take a programme on the as-of date has no completion of it on or before that date. */
export const trainingMissing: WorkspaceRule = {
    id: IssueCodes.TrainingMissing,
    scope: 'workspace',
    category: 'training',
    severity: 'warning',
    standards: ['ISO27001:7.2', 'ISO27001:7.3', 'ISO27001:A.6.3', 'SOC2:CC1.4'],
    summary: 'Someone who must take a training programme (a role they hold requires it, or they are in its audience) has never completed it.',
    fixable: false,
    findings(model, context) {
        const asOf = context.settings.asOf();
        const findings: WorkspaceFinding[] = [];
        for (const obligation of trainingObligations(model, asOf)) {
            if (obligation.state !== 'missing') continue;
            const { training, person } = obligation;
            findings.push({
                ...targetOf(obligation),
                message: `'${person.name}' must take the training '${training.name}' (${obligationReason(obligation)}), but no completion is recorded on or before ${asOf}. `
                    + `Once they have taken it, record it with \`completed ${training.name} by ${person.name} on <date>\`.`
            });
        }
        return findings;
    }
};
