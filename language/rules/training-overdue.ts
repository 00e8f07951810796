import { IssueCodes } from '../mandate-issue-codes.js';
import { cadenceText, obligationReason, trainingObligations } from '../workspace/training-status.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';

/** Someone who must take a programme completed it, but longer ago than its cadence allows. */
export const trainingOverdue: WorkspaceRule = {
    id: IssueCodes.TrainingOverdue,
    scope: 'workspace',
    category: 'training',
    severity: 'warning',
    standards: ['ISO27001:7.2', 'ISO27001:7.3', 'ISO27001:A.6.3', 'SOC2:CC1.4'],
    summary: 'Someone who must take a training programme last completed it longer ago than the programme\'s cadence allows.',
    fixable: false,
    findings(model, context) {
        const asOf = context.settings.asOf();
        const findings: WorkspaceFinding[] = [];
        for (const obligation of trainingObligations(model, asOf)) {
            const { training, person, lastCompletion, dueBy } = obligation;
            if (obligation.state !== 'overdue' || !lastCompletion || !dueBy || !training.cadence) continue;
            findings.push({
                node: lastCompletion,
                property: 'date',
                message: `'${person.name}' last completed the training '${training.name}' on ${lastCompletion.date}; `
                    + `it runs ${cadenceText(training.cadence)}, so it was due again by ${dueBy}, before ${asOf} (${obligationReason(obligation)}). `
                    + `Once they have retaken it, record it with \`completed ${training.name} by ${person.name} on <date>\`.`
            });
        }
        return findings;
    }
};
