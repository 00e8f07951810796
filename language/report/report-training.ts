import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { cadenceText, trainingStatus } from '../workspace/training-status.js';
import type { TrainingEntry } from './report-model.js';
import type { ReportSources } from './report-sources.js';

/** The report's view of the shared training status: who must take each programme and whether they are current. */
export function trainingEntries(model: WorkspaceModel, sources: ReportSources, asOf: string): TrainingEntry[] {
    return trainingStatus(model, asOf).map(({ training, obligations }) => {
        const roleNames = training.audience.map(reference => reference.$refText);
        return {
            programme: sources.named(training),
            cadence: cadenceText(training.cadence),
            audience: training.everyone ? 'everyone' : roleNames.length > 0 ? roleNames.join(', ') : 'holders of roles that require it',
            people: obligations.map(({ person, lastCompleted, dueBy, state }) => ({ person: sources.named(person), lastCompleted, dueBy, state }))
        };
    });
}
