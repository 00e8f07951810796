import type { AstNode, LangiumDocument } from 'langium';
import { Assignment, Person, TrainingCompletion, type Model } from '../generated/ast.js';
import { statementChangesSince } from '../statement-edit/statement-changes.js';
import { declarationsOf } from './declaration-index.js';
import { isUnchanged, type Source } from './document-sources.js';
import type { TrainingObligation } from './training-obligation.js';

/**
 * A document's new tree spliced from the one its training group was worked out from, with one
 * statement parsed again (statement-edit/): an employment date typed in a file of 10,000 people.
 * The other statements are the same nodes, so the obligations of the people they declare hold,
 * except for the people the old or the new statement names (a person's statement names its own). Worked out again for all 10,000, the
 * group was a quarter of such a keystroke.
 */
export interface StatementConcern {
    /** The tree the group was worked out from. */
    readonly beforeRoot: AstNode;
    /** The names of the people whose obligations the old or the new statements can change. */
    readonly names: ReadonlySet<string>;
}

/**
 * The people the statements replaced since `beforeRoot` concern, when each is a person, an
 * assignment or a completion (what a group reads of its own file besides roles and programmes) and
 * `root` follows from `beforeRoot` by splices (statement-changes.ts); undefined otherwise, and then
 * the group is worked out again whole.
 */
export function statementConcern(beforeRoot: unknown, root: Model): StatementConcern | undefined {
    const changes = statementChangesSince(beforeRoot as AstNode, root);
    if (!changes) return undefined;
    const names = new Set<string>();
    for (const { before, after } of changes) {
        for (const statement of [before, after]) {
            const name = personNamed(statement);
            if (name === null) return undefined;
            if (name !== undefined) names.add(name);
        }
    }
    return { beforeRoot: beforeRoot as AstNode, names };
}

/**
 * The name of the person a statement declares or names (its text: the old statement's references
 * may be unlinked by now), undefined when it names none, null when it is of a kind groups read otherwise.
 */
function personNamed(statement: AstNode): string | undefined | null {
    switch (statement.$type) {
        case Person.$type: return (statement as Person).name || undefined;
        case Assignment.$type: return (statement as Assignment).person?.$refText || undefined;
        case TrainingCompletion.$type: return (statement as TrainingCompletion).person?.$refText || undefined;
        default: return null;
    }
}

/** The obligations worked out before for each person, and the documents they were worked out from. */
export interface PreviousGroup {
    readonly sources: readonly Source[];
    readonly obligations: readonly TrainingObligation[];
}

/**
 * Whether `previous`, the group of `document` worked out from `concern.beforeRoot`, can lend the
 * obligations of the people the statement does not concern: every other document it read is
 * as it was. (Its own document has the spliced tree now.)
 */
export function canLend(previous: PreviousGroup, document: LangiumDocument, concern: StatementConcern, current: ReadonlySet<LangiumDocument>): boolean {
    const [home, ...others] = previous.sources;
    return home?.document === document && home.root === concern.beforeRoot && others.every(source => isUnchanged(source, current));
}

/** The people of `root` with one of `names`, in declaration order. */
export function peopleNamed(root: Model, names: ReadonlySet<string>): Person[] {
    const named = declarationsOf(root).declarationsByName;
    const people: Person[] = [];
    for (const name of names) for (const node of named.get(name) ?? []) if (node.$type === Person.$type) people.push(node as Person);
    return people.sort((a, b) => (a.$containerIndex ?? 0) - (b.$containerIndex ?? 0));
}

/**
 * A group's obligations (person by person, in declaration order) with those of the people named
 * `names` dropped and those `people` have now (`obligationsOf`) in their places: a pass over the
 * obligations, not a walk of the file's 30,000 declarations. A splice keeps every statement at its index.
 */
export function withPeopleReplaced(obligations: readonly TrainingObligation[], names: ReadonlySet<string>, people: readonly Person[],
    obligationsOf: (person: Person) => readonly TrainingObligation[]): TrainingObligation[] {
    const result: TrainingObligation[] = [];
    let next = 0;
    const addUpTo = (index: number) => {
        for (; next < people.length && (people[next].$containerIndex ?? 0) < index; next++) for (const obligation of obligationsOf(people[next])) result.push(obligation);
    };
    for (const obligation of obligations) {
        if (names.has(obligation.person.name)) continue;
        addUpTo(obligation.person.$containerIndex ?? 0);
        result.push(obligation);
    }
    addUpTo(Infinity);
    return result;
}
