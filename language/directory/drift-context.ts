import type { Assignment, Person } from '../generated/ast.js';
import type { DirectoryRecord } from '../import/directory-record.js';
import type { MandateSettings } from '../mandate-settings.js';
import type { RuleContext } from '../rules/rule.js';
import { delegationStatus } from '../workspace/delegation-status.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { directoryMatch, type DirectoryMatch } from './directory-match.js';

/** What every drift rule needs: the as-of date and the match; absent without a directory that was read cleanly. */
export interface Drift {
    readonly asOf: string;
    readonly match: DirectoryMatch;
}

/**
 * Why the drift rules cannot run: no directory is configured, or the export has problems (shown
 * on the export itself; half a directory would report everyone as missing). Undefined when they can.
 */
export function directoryMissing(settings: MandateSettings): string | undefined {
    const directory = settings.directory;
    if (!directory) return 'no directory export is configured (`directory` in mandate.config.json)';
    if (directory.problems.length > 0) return `the directory export ${directory.path} has problems, so it was not compared with the policy`;
    return undefined;
}

/** The drift rules are silent while directoryMissing says why. */
export function driftOf(model: WorkspaceModel, context: RuleContext): Drift | undefined {
    const directory = context.settings.directory;
    if (!directory || directoryMissing(context.settings) !== undefined) return undefined;
    return { asOf: context.settings.asOf(), match: directoryMatch(model, directory) };
}

/** Each person of the policy with the one record they match. */
export function matchedPeople(model: WorkspaceModel, drift: Drift): Array<{ person: Person; record: DirectoryRecord }> {
    return model.persons.flatMap(person => {
        const match = drift.match.of(person);
        return match.kind === 'matched' ? [{ person, record: match.record }] : [];
    });
}

/** The assignments through which `person` holds each role on `asOf`, by the tenure API. */
export function holdingsOn(model: WorkspaceModel, person: Person, asOf: string): Array<{ role: NonNullable<Assignment['role']['ref']>; assignment: Assignment }> {
    return model.rolesOfPersonOn(person, asOf).flatMap(role => model.holdersOn(role, asOf)
        .filter(assignment => assignment.person?.ref === person)
        .slice(0, 1)
        .map(assignment => ({ role, assignment })));
}

/** Delegations to `person` in force on `asOf`. */
export function activeDelegationsTo(model: WorkspaceModel, person: Person, asOf: string) {
    return model.delegationsTo(person).filter(delegation => delegationStatus(delegation, asOf) === 'active');
}
