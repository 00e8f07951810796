import { findRule } from '../rules/index.js';
import { allRequirements, findRequirement } from '../standards/requirements.js';
import { ISMS_CONFORMANCE, ISMS_REPORTING } from '../standards/catalogue.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { ReportFinding, RequirementStatus, RequirementStatusValue, TrainingEntry } from './report-model.js';

/**
 * A status per catalogue requirement. Not met: no role held on the as-of date carries it (and no
 * training programme covers it). Partly met: it is carried, but findings of rules that evidence
 * it remain, or people who need a training programme that covers it are overdue or missing (not
 * those still inside a grace period). Met: carried, with none of that.
 */
export function requirementStatuses(
    model: WorkspaceModel, findings: readonly ReportFinding[], asOf: string, training: readonly TrainingEntry[] = []
): RequirementStatus[] {
    const trainingById = new Map(training.map(entry => [entry.programme.id, entry]));
    const claimed = claimedFrameworks(model);
    return allRequirements().map(requirement => {
        const carriers = model.rolesCarrying(requirement.id);
        const heldBy = carriers.filter(role => model.holdersOn(role, asOf).length > 0).map(role => role.name);
        const trainings = model.trainings.filter(training => training.requirements.includes(requirement.id)).map(training => training.name);
        const related = findings
            .map((finding, index) => ({ finding, index }))
            .filter(({ finding }) => finding.severity === 'error' || finding.severity === 'warning')
            .filter(({ finding }) => findRule(finding.rule)?.standards.includes(requirement.id))
            .map(({ index }) => index);
        const reasons: string[] = [];
        let status: RequirementStatusValue;
        if (heldBy.length === 0 && trainings.length === 0) {
            status = 'not-met';
            reasons.push(carriers.length > 0
                ? `Only vacant roles carry it: ${carriers.map(role => role.name).join(', ')}.`
                : 'No responsibility, authority or training in the policy satisfies it.');
        } else {
            // Training only evidences a requirement while the people who need it are current; a
            // newcomer still inside the programme's grace period is due, which does not lower it.
            const lapsed = trainings.flatMap(name => {
                const people = trainingById.get(name)?.people ?? [];
                const behind = people.filter(entry => entry.state === 'overdue' || entry.state === 'missing').length;
                return behind > 0 ? [`${behind} of ${people.length} required completions of ${name} are overdue or missing.`] : [];
            });
            const due = trainings.flatMap(name => {
                const people = trainingById.get(name)?.people ?? [];
                const count = people.filter(entry => entry.state === 'due').length;
                return count > 0 ? [`${count} of ${people.length} required completions of ${name} are due within a newcomer's grace period.`] : [];
            });
            status = related.length > 0 || lapsed.length > 0 ? 'partly-met' : 'met';
            if (heldBy.length > 0) reasons.push(`Carried by ${heldBy.join(', ')}.`);
            if (trainings.length > 0) reasons.push(`Covered by training ${trainings.join(', ')}.`);
            reasons.push(...lapsed, ...due);
            if (related.length > 0) reasons.push(`${related.length} finding${related.length === 1 ? '' : 's'} of rules that evidence it.`);
        }
        return { id: requirement.id, framework: requirement.framework, title: requirement.title, status, reasons, heldBy, findings: related, claimed: claimed.has(requirement.framework) };
    });
}

/** Frameworks the policy refers to in any `satisfies`, plus ISO/IEC 27001, which Mandate always assesses. */
function claimedFrameworks(model: WorkspaceModel): Set<string> {
    const claimed = new Set<string>(['ISO27001']);
    const declarations = [...model.responsibilities, ...model.authorities, ...model.trainings];
    for (const declaration of declarations) {
        for (const id of declaration.requirements) {
            const framework = findRequirement(id)?.framework;
            if (framework) claimed.add(framework);
        }
    }
    return claimed;
}

const ORDER: Record<RequirementStatusValue, number> = { 'not-met': 0, 'partly-met': 1, met: 2 };

/** Clause 5.3 as a whole: the worse of 5.3(a) and 5.3(b). */
export function clause53Status(statuses: readonly RequirementStatus[]): RequirementStatusValue {
    const relevant = statuses.filter(status => status.id === ISMS_CONFORMANCE || status.id === ISMS_REPORTING);
    return relevant.reduce<RequirementStatusValue>((worst, status) => ORDER[status.status] < ORDER[worst] ? status.status : worst, 'met');
}
