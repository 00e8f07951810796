import type { AstNode } from 'langium';
import type { Assignment, Declaration, Model, Person, Role, Training, TrainingCompletion } from '../generated/ast.js';
import type { IsoDate } from '../util/dates.js';
import { pushTo, type Lookup } from '../util/multi-map.js';
import { UniqueList } from '../util/unique-list.js';
import type { Declarations } from './declaration-index.js';
import { assignmentHoldsOn, isStaffOn } from './tenure.js';
import { dueDates, obligationOf, type DueDates, type TrainingObligation } from './training-obligation.js';
import { documentOf, isUnchanged, sourceOf, SourceRecorder, withSources, type Reads, type Source } from './document-sources.js';
import { canLend, peopleNamed, statementConcern, withPeopleReplaced, type StatementConcern } from './training-group-splice.js';
import { splicedCompletions } from './spliced-shares.js';
import type { WorkspaceModel } from './workspace-model.js';

/** The obligations of the people one document declares, and every document they were worked out from. */
interface Group {
    readonly sources: readonly Source[];
    readonly obligations: readonly TrainingObligation[];
}

/** What is kept for the as-of date last asked. */
interface DateState {
    readonly asOf: IsoDate;
    /** The programmes whose audience is everyone: a change to them concerns every person. */
    everyone: readonly Training[];
    /** Each document as last looked at, by URI. */
    seen: Map<string, Source>;
    /** By the URI of the document that declares the people. */
    groups: Map<string, Group>;
}

/**
 * Training obligations carried from one workspace snapshot to the next, per document that declares
 * the people. After an edit only the groups that can differ are worked out again: those of the
 * edited documents' people, of people an edited document refers to (an assignment, a completion,
 * a role or a programme naming a role they hold), and those worked out from a document that changed
 * since. The rest are the same objects as before. A group's obligations are exactly those a cold
 * computation gives (tests/training-groups.test.ts). One store per workspace (WorkspaceModelProvider).
 */
export class TrainingGroupStore {
    /**
     * Only the last date asked is kept: a state holds the trees it was worked out from, and one kept
     * for a date nobody asks again would keep every tree edited since alive.
     */
    private state: DateState | undefined;
    /** How many groups were worked out, for tests that prove an edit recomputes only its own. */
    computed = 0;
    /** How many people's obligations were worked out, and how many groups lent theirs (training-group-splice.ts), for tests. */
    peopleComputed = 0;
    groupsLent = 0;

    /** Every obligation on `asOf`: document by document (URI order), person by person in declaration order. */
    obligations(model: WorkspaceModel, asOf: IsoDate): readonly TrainingObligation[] {
        const state = this.stateOn(asOf, model);
        const current = new Set(model.documents);
        const { dirty, spliced } = this.incoming(model, state);
        const computation = new Computation(model, asOf, state.everyone, () => this.peopleComputed++);
        const groups = new Map<string, Group>();
        const result: TrainingObligation[] = [];
        for (const document of model.documents) {
            const uri = document.uri.toString();
            let group = state.groups.get(uri);
            if (!group || dirty.has(uri) || !group.sources.every(source => isUnchanged(source, current))) {
                this.computed++;
                const concern = spliced.get(uri);
                const lender = group && concern && !dirty.has(uri) && canLend(group, document, concern, current) ? { group, concern } : undefined;
                if (lender) this.groupsLent++;
                group = computation.groupOf(document.parseResult.value, lender);
            }
            groups.set(uri, group);
            for (const obligation of group.obligations) result.push(obligation);
        }
        state.groups = groups;
        return result;
    }

    private stateOn(asOf: IsoDate, model: WorkspaceModel): DateState {
        const everyone = model.trainings.filter(training => training.everyone);
        const last = this.state;
        if (last && last.asOf === asOf && sameItems(last.everyone, everyone)) return last;
        return this.state = { asOf, everyone, seen: new Map(), groups: new Map() };
    }

    /**
     * The documents whose people an edited (or relinked) document since the last look may now concern
     * (`dirty`), and those that had one statement parsed again with what it concerns (`spliced`).
     */
    private incoming(model: WorkspaceModel, state: DateState): { dirty: Set<string>; spliced: Map<string, StatementConcern> } {
        const dirty = new Set<string>();
        const spliced = new Map<string, StatementConcern>();
        const mark = (person: Person | undefined) => {
            const uri = person && documentOf(person)?.uri.toString();
            if (uri !== undefined) dirty.add(uri);
        };
        const markHolders = (role: Role | undefined) => {
            if (role) for (const assignment of model.assignmentsOf(role)) mark(assignment.person?.ref);
        };
        // With nothing carried, every group is worked out anyway.
        const carried = state.groups.size > 0;
        const seen = new Map<string, Source>();
        for (const document of model.documents) {
            const uri = document.uri.toString();
            const now = sourceOf(document);
            seen.set(uri, now);
            const before = state.seen.get(uri);
            if (!carried || (before && before.root === now.root && before.references === now.references)) continue;
            const concern = before && statementConcern(before.root, now.root as Model);
            if (concern) {
                // The people of other files the statement may name now or before: its references may have moved between them.
                spliced.set(uri, concern);
                for (const name of concern.names) {
                    for (const node of model.names.get(name) ?? []) if (node.$type === 'Person' && documentOf(node) !== document) mark(node as Person);
                }
                continue;
            }
            dirty.add(uri);
            for (const declaration of (document.parseResult.value as Model).declarations ?? []) {
                forIncoming(declaration, mark, markHolders);
            }
        }
        state.seen = seen;
        return { dirty, spliced };
    }
}

/** One computation of groups: the snapshot, the date, and what every group asks of the whole workspace, looked up once. */
class Computation {
    private readonly due: DueDates = dueDates();
    private readonly needed = new Map<Role, readonly Training[]>();
    private order: Map<Training, number> | undefined;
    private namedBy: Map<Role, Training[]> | undefined;
    private completions: Lookup<Person, readonly TrainingCompletion[]> | undefined;

    constructor(private readonly model: WorkspaceModel, private readonly asOf: IsoDate, private readonly everyone: readonly Training[],
        private readonly workedOut: () => void) {}

    /**
     * The obligations of the people `root` declares, in declaration order, programmes in model order;
     * with `lender`, those of the people its statement does not concern are the lender group's.
     */
    groupOf(root: Model, lender?: { readonly group: Group; readonly concern: StatementConcern }): Group {
        const sources = new SourceRecorder(root.$document, root);
        const read = (node: AstNode) => sources.read(node);
        if (lender) {
            const obligations = withPeopleReplaced(lender.group.obligations, lender.concern.names, peopleNamed(root, lender.concern.names), lender.concern.positions,
                person => this.personObligations(person, read));
            return { sources: withSources(sources.all, lender.group.sources.slice(1)), obligations };
        }
        const obligations: TrainingObligation[] = [];
        for (const declaration of root.declarations ?? []) {
            if (declaration.$type !== 'Person' || !(declaration as Person).name) continue;
            for (const obligation of this.personObligations(declaration as Person, read)) obligations.push(obligation);
        }
        return { sources: sources.all, obligations };
    }

    /** One person's obligations, programmes in model order; `read` is told what they were worked out from. */
    private personObligations(person: Person, read: (node: AstNode) => void): TrainingObligation[] {
        const { model, asOf } = this;
        this.workedOut();
        const staff = isStaffOn(person, asOf);
        // The programmes the roles they hold need, with those assignments (each once).
        const byRole = new Map<Training, UniqueList<Assignment>>();
        for (const assignment of model.assignmentsOfPerson(person)) {
            read(assignment);
            const role = assignment.role?.ref;
            if (!role || !assignmentHoldsOn(assignment, asOf)) continue;
            read(role);
            for (const training of this.trainingsNeeding(role)) {
                let list = byRole.get(training);
                if (!list) byRole.set(training, list = new UniqueList());
                list.add(assignment);
            }
        }
        const completions = this.completionsOf(person);
        completions.forEach(read);
        const obligations: TrainingObligation[] = [];
        for (const training of this.trainingsOf(staff ? this.everyone : NO_TRAININGS, byRole)) {
            read(training);
            obligations.push(obligationOf({
                // A copy of its exact length: the list grew by `push`, with room for 17, and obligations live as long as the model.
                training, person, assignments: byRole.get(training)?.items.slice() ?? NO_ASSIGNMENTS,
                everyone: staff && training.everyone, lastCompletion: latestOf(completions, training, asOf)
            }, model, asOf, this.due));
        }
        return obligations;
    }

    /** The programmes a person must take, in model order: those for everyone (if they are staff) and those their roles need. */
    private trainingsOf(everyone: readonly Training[], byRole: ReadonlyMap<Training, unknown>): readonly Training[] {
        if (byRole.size === 0) return everyone; // the awareness programme alone
        const order = this.order ??= new Map(this.model.trainings.map((training, index) => [training, index]));
        const trainings = new Set(everyone);
        for (const training of byRole.keys()) trainings.add(training);
        return [...trainings].sort((a, b) => order.get(a)! - order.get(b)!);
    }

    /** The programmes a role's holders must take: those it requires, and those that name it in their audience. */
    private trainingsNeeding(role: Role): readonly Training[] {
        let needed = this.needed.get(role);
        if (!needed) {
            const naming = (this.namedBy ??= trainingsByAudienceRole(this.model)).get(role);
            if (role.trainings.length === 0 && !naming) {
                needed = NO_TRAININGS;
            } else {
                const list: Training[] = []; // a loop: flatMap costs more than the rest of the lookup
                for (const reference of role.trainings) if (reference.ref) list.push(reference.ref);
                if (naming) list.push(...naming);
                needed = list;
            }
            this.needed.set(role, needed);
        }
        return needed;
    }

    /** The completions recorded for a person, in model order. */
    private completionsOf(person: Person): readonly TrainingCompletion[] {
        this.completions ??= this.model.mergedForLookup('completionsByPerson', this.model.sharesOf(completionsByPerson));
        return this.completions.get(person) ?? NO_COMPLETIONS;
    }
}

/** One document's completions by the person they name: a document share (document-shares.ts). */
const completionsByPerson = Object.assign(completionsIn, { spliced: splicedCompletions });

function completionsIn(own: Declarations, recorder: Reads): ReadonlyMap<Person, readonly TrainingCompletion[]> {
    const byPerson = new Map<Person, TrainingCompletion[]>();
    for (const completion of own.completions) {
        const person = completion.person?.ref;
        if (!person) continue;
        recorder.read(person);
        pushTo(byPerson, person, completion);
    }
    return byPerson;
}

/** The assignments of a member of `audience everyone` who holds no role that needs the programme: one list for all of them. */
const NO_ASSIGNMENTS: readonly Assignment[] = Object.freeze([]);
const NO_TRAININGS: readonly Training[] = Object.freeze([]);
const NO_COMPLETIONS: readonly TrainingCompletion[] = Object.freeze([]);

/** For a declaration of an edited document: the people it may concern (`mark`), and the roles whose holders it may (`markHolders`). */
function forIncoming(declaration: Declaration, mark: (person: Person | undefined) => void, markHolders: (role: Role | undefined) => void): void {
    switch (declaration.$type) {
        case 'Assignment': mark((declaration as Assignment).person?.ref); break;
        case 'TrainingCompletion': mark((declaration as TrainingCompletion).person?.ref); break;
        case 'Role': markHolders(declaration as Role); break;
        case 'Training': for (const reference of (declaration as Training).audience) markHolders(reference.ref); break;
    }
}

/** The programmes that name each role in their audience. */
function trainingsByAudienceRole(model: WorkspaceModel): Map<Role, Training[]> {
    const byRole = new Map<Role, Training[]>();
    for (const training of model.trainings) {
        for (const reference of training.audience) {
            const audience = reference.ref;
            if (!audience) continue;
            const list = byRole.get(audience);
            if (list) list.push(training); else byRole.set(audience, [training]);
        }
    }
    return byRole;
}

/** The latest completion of a programme on or before `asOf`; the first recorded wins a tie. */
function latestOf(completions: readonly TrainingCompletion[], training: Training, asOf: IsoDate): TrainingCompletion | undefined {
    let latest: TrainingCompletion | undefined;
    for (const completion of completions) {
        if (completion.training?.ref !== training || !completion.date || completion.date > asOf) continue;
        if (!latest || completion.date > latest.date) latest = completion;
    }
    return latest;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
    return a.length === b.length && a.every((item, index) => item === b[index]);
}
