import { AstUtils, type AstNode, type LangiumDocument, type URI } from 'langium';
import type {
    AppointingBody, Assignment, Authority, Claim, Conflict, CustomFramework, Declaration, Delegation, Duty, Model, Organization, Party, Person,
    Responsibility, Role, Training, TrainingCompletion
} from '../generated/ast.js';
import { type IsoDate } from '../util/dates.js';
import { compareStrings } from '../util/compare.js';
import { UniqueList } from '../util/unique-list.js';
import { groupedOnce, type GroupedOnce } from '../util/grouped-once.js';
import type { GroupedLookup } from '../util/multi-map.js';
import { RequirementCatalogue, type CustomFrameworkDefinition } from '../standards/requirement-catalogue.js';
import { policyFrameworks } from '../standards/policy-frameworks.js';
import { assignmentHoldsOn, type Holder, type Tenure } from './tenure.js';
import { RoleTenures } from './role-tenures.js';
import { declarationsOf, forEachNamed, indexDeclarations, indexReferences, referencesOfDocument, type Declarations, type NamedDeclaration, type ReferenceIndex } from './declaration-index.js';
import { carriedRequirements, RequirementCarriers } from './requirement-carriers.js';
import { CarriedDuties } from './carried-duties.js';
import { CarriedShares, type MergedFrom, type ShareOf } from './document-shares.js';
import { UNRECORDED } from './document-sources.js';
import { TrainingGroupStore } from './training-groups.js';
import { baseNameOf } from './file-label.js';
import { startLineOf } from '../mandate-leaf-cst-node.js';

export type { NamedDeclaration } from './declaration-index.js';

/**
 * One snapshot of the whole workspace's policy, built in a single pass over all documents.
 * Workspace-wide rules read it instead of scanning the index per document; results derived
 * from it are memoised for the lifetime of the snapshot.
 */
export class WorkspaceModel {
    readonly documents: ReadonlyArray<LangiumDocument<Model>>;
    /** The documents' syntax trees when the snapshot was taken: what it indexes, even if asked after a later parse. */
    readonly roots: readonly Model[];
    private readonly memo = new Map<string, unknown>();
    private readonly shares = new Map<ShareOf<unknown>, readonly unknown[]>();
    private readonly carriedDuties = new CarriedDuties();
    private readonly rolesOfPersonByDate = new Map<IsoDate, Map<Person, readonly Role[]>>();
    private roleTenures: RoleTenures | undefined;
    private declarations: Declarations | undefined;
    private references: ReferenceIndex | undefined;
    private carriers: RequirementCarriers | undefined;

    /**
     * `catalogueFiles`: frameworks from catalogue files named in mandate.config.json (config/catalogue-loader.ts).
     * `trainingGroups` and `carried`: training obligations and document shares (document-shares.ts)
     * carried from the workspace's earlier snapshots. `fileLabel`: how a message names a file (file-label.ts).
     */
    constructor(
        documents: Iterable<LangiumDocument<Model>>, readonly catalogueFiles: readonly CustomFrameworkDefinition[] = [],
        readonly trainingGroups = new TrainingGroupStore(), private readonly carried = new CarriedShares(),
        private readonly fileLabel: (uri: URI) => string = baseNameOf
    ) {
        // Sorted so that "first declaration" and report order never depend on load order.
        this.documents = [...documents].sort((a, b) => compareStrings(a.uri.toString(), b.uri.toString()));
        this.roots = this.documents.map(document => document.parseResult.value);
    }

    /**
     * The declarations, indexed on first use: the model is built again after every edit that changes
     * what the policy says, and a title edit re-runs only rules that may need none of it.
     */
    private get declared(): Declarations {
        return this.declarations ??= indexDeclarations(this.roots);
    }

    private get referenced(): ReferenceIndex {
        return this.references ??= indexReferences(this.sharesOf(referencesOfDocument), (part, maps) => this.mergedForLookup(part, maps));
    }

    get organizations(): Organization[] { return this.declared.organizations; }
    get roles(): Role[] { return this.declared.roles; }
    get persons(): Person[] { return this.declared.persons; }
    get responsibilities(): Responsibility[] { return this.declared.responsibilities; }
    get authorities(): Authority[] { return this.declared.authorities; }
    get assignments(): Assignment[] { return this.declared.assignments; }
    get delegations(): Delegation[] { return this.declared.delegations; }
    get trainings(): Training[] { return this.declared.trainings; }
    get completions(): TrainingCompletion[] { return this.declared.completions; }
    get conflicts(): Conflict[] { return this.declared.conflicts; }
    get appointingBodies(): AppointingBody[] { return this.declared.appointingBodies; }
    /** The statement of applicability: frameworks claimed, with their exclusions. */
    get claims(): Claim[] { return this.declared.claims; }
    /** The organization's own frameworks declared in the policy. */
    get customFrameworks(): CustomFramework[] { return this.declared.customFrameworks; }
    get declarationsByName(): ReadonlyMap<string, readonly NamedDeclaration[]> {
        return this.carried.carry ? this.declared.declarationsByName : this.namesOnce;
    }

    /** A one-shot run's names: grouped at once from every tree, none listed per tree to be merged. */
    private get namesOnce(): GroupedOnce<string, NamedDeclaration> {
        return this.cached('names-once', () => groupedOnce<string, NamedDeclaration>(add => { for (const root of this.roots) forEachNamed(root, add); }));
    }

    /**
     * Declarations by name, each list as in `declarationsByName`, with the names declared more than
     * once: carried from the last snapshot's, so a name typed in one file merges that file's names
     * again, not the workspace's 100,000.
     */
    get names(): GroupedLookup<string, NamedDeclaration> {
        return this.cached('names', () => this.carried.carry
            ? this.mergedForLookup('declarationsByName', this.roots.map(root => declarationsOf(root).declarationsByName), 'trees')
            : this.namesOnce);
    }

    /** Where a declaration stands in model order: its file's place among the documents, then its offset in the file. */
    get declarationOrder(): (a: Declaration, b: Declaration) => number {
        return this.cached('declaration-order', () => {
            const position = new Map<AstNode, number>(this.roots.map((root, index) => [root, index]));
            const place = (node: Declaration) => position.get(node.$container) ?? -1;
            return (a: Declaration, b: Declaration) => place(a) - place(b) || (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0);
        });
    }

    /** `teams/payments/people.mandate:12`: where a declaration stands, for messages that point elsewhere. */
    locationOf(node: AstNode): string {
        const document = AstUtils.getDocument(node);
        return `${this.fileLabel(document.uri)}:${(node.$cstNode ? startLineOf(node.$cstNode) : 0) + 1}`;
    }

    /** The organization, when exactly one is declared first; extra ones are reported separately. */
    get organization(): Organization | undefined {
        return this.organizations[0];
    }

    /** The roles that are top management: the board, the CEO, … as the organization names them. */
    get topManagement(): Role[] {
        return this.cached('top-management', () => (this.organization?.topManagement ?? []).flatMap(reference => reference.ref ? [reference.ref] : []));
    }

    isTopManagement(role: Role): boolean {
        return this.topManagement.includes(role);
    }

    /** How a message names top management: `board`, `board or ceo`, or plain words when none is declared. */
    get topManagementText(): string {
        const names = this.topManagement.map(role => role.name);
        return names.length > 0 ? names.map(name => `'${name}'`).join(' or ') : 'top management (not declared yet)';
    }

    /** The ` appointed by …` part of a suggested assignment: the first top-management role, or nothing when none is declared. */
    get appointedByHint(): string {
        const first = this.topManagement[0];
        return first ? ` appointed by ${first.name}` : '';
    }

    get cisoRoles(): Role[] {
        return this.cached('ciso-roles', () => this.roles.filter(role => role.ciso));
    }

    /** True when the workspace declares any policy at all. */
    get hasPolicy(): boolean {
        return this.documents.some(document => (document.parseResult.value.declarations?.length ?? 0) > 0);
    }

    /**
     * Where a finding about the workspace as a whole belongs: the organization, or failing
     * that the first declaration of the first file.
     */
    get workspaceAnchor(): Declaration | undefined {
        if (this.organization) return this.organization;
        for (const document of this.documents) {
            const first = document.parseResult.value.declarations?.[0];
            if (first) return first;
        }
        return undefined;
    }

    assignmentsOf(role: Role): readonly Assignment[] {
        return this.referenced.assignmentsByRole.get(role) ?? [];
    }

    assignmentsOfPerson(person: Person): readonly Assignment[] {
        return this.referenced.assignmentsByPerson.get(person) ?? [];
    }

    delegationsTo(party: Party): readonly Delegation[] {
        return this.referenced.delegationsByRecipient.get(party) ?? [];
    }

    /**
     * Assignments that hold `role` on `date`: in force, and their person employed or engaged on
     * that date (see tenure.ts). An undated start counts as in force; another rule flags it.
     */
    holdersOn(role: Role, date: IsoDate): Assignment[] {
        return this.assignmentsOf(role).filter(assignment => assignmentHoldsOn(assignment, date));
    }

    /** Whether anyone holds `role` on `date` (holdersOn, without listing them). */
    isHeldOn(role: Role, date: IsoDate): boolean {
        return this.assignmentsOf(role).some(assignment => assignmentHoldsOn(assignment, date));
    }

    /**
     * Whether a declared person holds `role` on `date`: what the report, the requirement status, the
     * editor and the queries state as a fact. An assignment whose person did not link keeps `isHeldOn`
     * true, so that the rules report the linking error alone (mandate-link-failures.ts), but it names
     * nobody, and to an auditor the role is vacant until the name is declared or corrected.
     */
    hasDeclaredHolderOn(role: Role, date: IsoDate): boolean {
        return this.assignmentsOf(role).some(assignment => assignment.person?.ref !== undefined && assignmentHoldsOn(assignment, date));
    }

    /**
     * The holders of `role` on `date` with their tenures, one per assignment in force. An assignment
     * whose person is unresolved still keeps the role from being vacant (one linking error is
     * enough), but has no tenure to show, so it is left out here.
     */
    holdersWithTenureOn(role: Role, date: IsoDate): Holder[] {
        return this.holdersOn(role, date).flatMap(assignment => {
            const tenure = this.tenureOf(assignment);
            return tenure ? [{ assignment, tenure }] : [];
        });
    }

    /** Roles `person` holds on `date`, each once; remembered per date for the snapshot, as several rules ask about every person. */
    rolesOfPersonOn(person: Person, date: IsoDate): readonly Role[] {
        // Not through `cached`: its key would be a new string, flattened and hashed, on every call.
        let known = this.rolesOfPersonByDate.get(date);
        if (!known) {
            known = new Map<Person, readonly Role[]>();
            this.rolesOfPersonByDate.set(date, known);
        }
        let roles = known.get(person);
        if (!roles) {
            roles = heldRoles(this.assignmentsOfPerson(person), date);
            known.set(person, roles);
        }
        return roles;
    }

    /** Every tenure in `role`: consecutive or overlapping terms of one person are one tenure (see RoleTenures). */
    tenuresOf(role: Role): readonly Tenure[] {
        return this.tenures.of(role);
    }

    /** The tenure an assignment belongs to; undefined while its person or role is unresolved. */
    tenureOf(assignment: Assignment): Tenure | undefined {
        return this.tenures.ofAssignment(assignment);
    }

    private get tenures(): RoleTenures {
        return this.roleTenures ??= new RoleTenures(role => this.assignmentsOf(role), this.carried.carry);
    }

    /** Roles that admit one holder at a time: the designated CISO always, and roles marked `single holder`. */
    isSingleHolder(role: Role): boolean {
        return role.ciso || role.singleHolder;
    }

    /** Duties a role carries in its job description (responsible, accountable or authorized). */
    dutiesCarriedBy(role: Role): readonly Duty[] {
        return this.carriedDuties.of(role);
    }

    /** Whether the job description of `role` carries a duty that `test` accepts with `argument` (CarriedDuties.some). */
    carriesSomeDuty<A>(role: Role, test: (duty: Duty, argument: A) => boolean, argument: A): boolean {
        return this.carriedDuties.some(role, test, argument);
    }

    /** Roles whose job description carries a duty that satisfies `requirementId`, in model order. */
    rolesCarrying(requirementId: string): Role[] {
        this.carriers ??= new RequirementCarriers(this.sharesOf(carriedRequirements));
        return this.carriers.of(requirementId);
    }

    /**
     * The requirements this workspace can cite: built-in frameworks, then the organization's own from
     * catalogue files, then those declared in the policy. A prefix is defined once and the first
     * definition applies; framework-invalid reports the later ones.
     */
    get catalogue(): RequirementCatalogue {
        return this.cached('catalogue', () => new RequirementCatalogue([...this.catalogueFiles, ...policyFrameworks(this.customFrameworks)]));
    }

    /**
     * Each document's share of one kind, in model order: carried from earlier snapshots where the
     * documents it read are unchanged. Without carrying, one share of the whole workspace.
     */
    sharesOf<T>(shareOf: ShareOf<T>): readonly T[] {
        let shares = this.shares.get(shareOf as ShareOf<unknown>);
        if (!shares) {
            shares = this.carried.carry ? this.carried.of(shareOf).of(this.documents, this.roots) : [shareOf(this.declared, UNRECORDED)];
            this.shares.set(shareOf as ShareOf<unknown>, shares);
        }
        return shares as readonly T[];
    }

    /** Whether this snapshot carries what it works out to the next one (the language server), or is a one-shot run's. */
    get carries(): boolean {
        return this.carried.carry;
    }

    /**
     * Maps of lists merged as mergeLists does, for an index that is only looked up (`part` names
     * it): carried from the last snapshot's merge of the same part, so an edit merges its own keys again.
     * `from`: 'trees' for maps of each syntax tree alone, which a relink of the same trees leaves as they are.
     */
    mergedForLookup<K, V>(part: string, maps: ReadonlyArray<ReadonlyMap<K, readonly V[]>>, from?: MergedFrom): GroupedLookup<K, V> {
        return this.carried.mergeForLookup(part, maps, from);
    }

    /** Memoise a derived result for the lifetime of this snapshot. */
    cached<T>(key: string, compute: () => T): T {
        if (!this.memo.has(key)) {
            this.memo.set(key, compute());
        }
        return this.memo.get(key) as T;
    }
}

/** The roles of the assignments that hold on `date`, each once, in assignment order. */
function heldRoles(assignments: readonly Assignment[], date: IsoDate): Role[] {
    const roles = new UniqueList<Role>();
    for (const assignment of assignments) {
        const role = assignment.role?.ref;
        if (role && assignmentHoldsOn(assignment, date)) roles.add(role);
    }
    return roles.items;
}

/** The document a node belongs to, for grouping findings by file. */
export function documentUriOf(node: AstNode): string {
    let current: AstNode = node;
    while (current.$container) current = current.$container;
    return current.$document?.uri.toString() ?? '';
}
