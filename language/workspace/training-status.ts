import type { Training } from '../generated/ast.js';
import { compareStrings } from '../util/compare.js';
import type { IsoDate } from '../util/dates.js';
import type { TrainingObligation } from './training-obligation.js';
import type { WorkspaceModel } from './workspace-model.js';

export { cadenceText, obligationReason, type TrainingObligation, type TrainingState } from './training-obligation.js';

/** A programme and everybody who must take it on the as-of date, ordered by person name. */
export interface TrainingStatus {
    readonly training: Training;
    readonly obligations: readonly TrainingObligation[];
}

/**
 * Every obligation on `asOf`: who must take each programme (its audience, everyone employed on
 * that date or the holders of the roles it names, plus the holders of roles that `require
 * training` it) and whether they are current. Document by document, person by person; carried
 * from the last snapshot where nothing they depend on changed (training-groups.ts). The training
 * rules read this, once per snapshot and as-of date.
 */
export function trainingObligations(model: WorkspaceModel, asOf: IsoDate): readonly TrainingObligation[] {
    return model.cached(`training-obligations@${asOf}`, () => model.trainingGroups.obligations(model, asOf));
}

/** The same, programme by programme (in model order) and each programme's people by name: what the report shows. */
export function trainingStatus(model: WorkspaceModel, asOf: IsoDate): readonly TrainingStatus[] {
    return model.cached(`training-status@${asOf}`, () => {
        const byTraining = new Map<Training, TrainingObligation[]>(model.trainings.map(training => [training, []]));
        for (const obligation of trainingObligations(model, asOf)) byTraining.get(obligation.training)?.push(obligation);
        return [...byTraining].map(([training, obligations]) => ({
            training, obligations: obligations.sort((a, b) => compareStrings(a.person.name, b.person.name))
        }));
    });
}
