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
    /** Where the statements replaced stand among the root's declarations (a splice keeps each statement at its index). */
    readonly positions: readonly number[];
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
    const positions: number[] = [];
    for (const { before, after } of changes) {
        if (after.$containerProperty !== 'declarations' || after.$containerIndex === undefined) return undefined;
        positions.push(after.$containerIndex);
        for (const statement of [before, after]) {
            const name = personNamed(statement);
            if (name === null) return undefined;
            if (name !== undefined) names.add(name);
        }
    }
    return { beforeRoot: beforeRoot as AstNode, names, positions };
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
 * `names` dropped and those `people` have now (`obligationsOf`) in their places. Such a person is
 * either one of `people` (kept, with the same name) or stood where a statement was replaced
 * (`positions`): the runs of obligations at those places are found by binary search and the rest
 * copied as they are, not passed over one by one (~10 ms of the first keystrokes of a session, in a
 * file of 10,000 people, before V8 has optimized that loop). A splice keeps every statement at its index.
 */
export function withPeopleReplaced(obligations: readonly TrainingObligation[], names: ReadonlySet<string>, people: readonly Person[],
    positions: readonly number[], obligationsOf: (person: Person) => readonly TrainingObligation[]): TrainingObligation[] {
    const places = [...new Set([...positions, ...people.map(placeOf)])].sort((a, b) => a - b);
    const parts: Array<readonly TrainingObligation[]> = [];
    let [from, next] = [0, 0];
    for (const place of places) {
        const start = firstAt(obligations, place, from);
        const end = firstAt(obligations, place + 1, start);
        parts.push(obligations.slice(from, start));
        // Obligations of a person there whom no statement concerns (a statement that declares no person stands there).
        if (start < end && !names.has(obligations[start].person.name)) parts.push(obligations.slice(start, end));
        for (; next < people.length && placeOf(people[next]) <= place; next++) parts.push(obligationsOf(people[next]));
        from = end;
    }
    parts.push(obligations.slice(from));
    return ([] as TrainingObligation[]).concat(...parts);
}

function placeOf(person: Person): number {
    return person.$containerIndex ?? 0;
}

/** The first obligation from `from` on whose person stands at `place` or after (obligations are in their people's order). */
function firstAt(obligations: readonly TrainingObligation[], place: number, from: number): number {
    let [low, high] = [from, obligations.length];
    while (low < high) {
        const middle = (low + high) >>> 1;
        if (placeOf(obligations[middle].person) < place) low = middle + 1; else high = middle;
    }
    return low;
}
