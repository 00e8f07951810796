import type { Person, Training } from '../generated/ast.js';
import { addCadence, periodCovers } from '../util/dates.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import type { TrainingEntry, TrainingState } from './report-model.js';
import type { ReportSources } from './report-sources.js';
import { compareStrings } from '../util/compare.js';

/** Who must take a programme on the as-of date: its audience, plus holders of roles that require it. */
function audienceOf(training: Training, model: WorkspaceModel, asOf: string): Person[] {
    const people = new Set<Person>();
    if (training.everyone) {
        model.persons.filter(person => periodCovers(asOf, person.employedSince, person.employedUntil)).forEach(person => people.add(person));
    }
    const roles = new Set(training.audience.flatMap(reference => reference.ref ? [reference.ref] : []));
    model.roles.filter(role => role.trainings.some(reference => reference.ref === training)).forEach(role => roles.add(role));
    for (const role of roles) {
        for (const assignment of model.holdersOn(role, asOf)) {
            if (assignment.person?.ref) people.add(assignment.person.ref);
        }
    }
    return [...people];
}

export function trainingEntries(model: WorkspaceModel, sources: ReportSources, asOf: string): TrainingEntry[] {
    const lastCompletion = new Map<string, string>();
    for (const completion of model.completions) {
        const key = `${completion.training?.ref?.name}\u0000${completion.person?.ref?.name}`;
        if (completion.date <= asOf && completion.date > (lastCompletion.get(key) ?? '')) lastCompletion.set(key, completion.date);
    }
    return model.trainings.map(training => {
        const cadence = training.cadence;
        const people = audienceOf(training, model, asOf)
            .sort((a, b) => compareStrings(a.name, b.name))
            .map(person => {
                const lastCompleted = lastCompletion.get(`${training.name}\u0000${person.name}`);
                const dueBy = lastCompleted && cadence ? addCadence(lastCompleted, cadence.count ?? 1, cadence.unit) : undefined;
                const state: TrainingState = !lastCompleted ? 'missing' : dueBy && dueBy < asOf ? 'overdue' : 'current';
                return { person: sources.named(person), lastCompleted, dueBy, state };
            });
        const roleNames = training.audience.map(reference => reference.$refText);
        return {
            programme: sources.named(training),
            cadence: cadence ? `every ${cadence.count ? `${cadence.count} ` : ''}${cadence.unit}` : undefined,
            audience: training.everyone ? 'everyone' : roleNames.length > 0 ? roleNames.join(', ') : 'holders of roles that require it',
            people
        };
    });
}
