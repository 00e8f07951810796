import type { AstNode, LangiumDocument } from 'langium';
import {
    AppointingBody, Assignment, Authority, Claim, Conflict, CustomFramework, Delegation, Organization, Person, Responsibility, Role, Training,
    TrainingCompletion, type Declaration, type Duty, type Model, type Party
} from '../generated/ast.js';
import { type IsoDate } from '../util/dates.js';
import { compareStrings } from '../util/compare.js';
import { RequirementCatalogue, type CustomFrameworkDefinition } from '../standards/requirement-catalogue.js';
import { FRAMEWORK_PREFIX_FORM } from '../standards/requirement-id.js';
import { assignmentHoldsOn, tenuresOf, type Holder, type Tenure } from './tenure.js';
import { pushTo } from '../util/multi-map.js';
import { CARRYING_KINDS, RequirementCarriers } from './requirement-carriers.js';

/** Declarations that carry a workspace-wide name. */
export type NamedDeclaration = Organization | Person | Role | Responsibility | Authority | Training | AppointingBody;



/**
 * One snapshot of the whole workspace's policy, built in a single pass over all documents.
 * Workspace-wide rules read it instead of scanning the index per document; results derived
 * from it are memoised for the lifetime of the snapshot.
 */
export class WorkspaceModel {
    readonly documents: ReadonlyArray<LangiumDocument<Model>>;
    readonly organizations: Organization[] = [];
    readonly roles: Role[] = [];
    readonly persons: Person[] = [];
    readonly responsibilities: Responsibility[] = [];
    readonly authorities: Authority[] = [];
    readonly assignments: Assignment[] = [];
    readonly delegations: Delegation[] = [];
    readonly trainings: Training[] = [];
    readonly completions: TrainingCompletion[] = [];
    readonly conflicts: Conflict[] = [];
    readonly appointingBodies: AppointingBody[] = [];
    /** The statement of applicability: frameworks claimed, with their exclusions. */
    readonly claims: Claim[] = [];
    /** The organization's own frameworks declared in the policy. */
    readonly customFrameworks: CustomFramework[] = [];
    readonly declarationsByName = new Map<string, NamedDeclaration[]>();

    private readonly assignmentsByRole = new Map<Role, Assignment[]>();
    private readonly assignmentsByPerson = new Map<Person, Assignment[]>();
    private readonly delegationsByRecipient = new Map<Party, Delegation[]>();
    private readonly memo = new Map<string, unknown>();
    private readonly carriedDuties = new Map<Role, Duty[]>();
    private readonly rolesOfPersonByDate = new Map<IsoDate, Map<Person, readonly Role[]>>();
    private readonly carriers = new RequirementCarriers(this.roles, role => this.dutiesCarriedBy(role));

    /** `catalogueFiles`: frameworks from catalogue files named in mandate.config.json (config/catalogue-loader.ts). */
    constructor(documents: Iterable<LangiumDocument<Model>>, readonly catalogueFiles: readonly CustomFrameworkDefinition[] = []) {
        // Sorted so that "first declaration" and report order never depend on load order.
        this.documents = [...documents].sort((a, b) => compareStrings(a.uri.toString(), b.uri.toString()));
        for (const document of this.documents) {
            for (const declaration of document.parseResult.value.declarations ?? []) {
                this.add(declaration);
            }
        }
    }

    private add(node: Declaration): void {
        // By `$type`, not a chain of `isX` checks (each a subtype lookup): no declaration type has
        // subtypes, and the model is built again after every edit that changes what the policy says.
        switch (node.$type) {
            case Organization.$type: if (this.named(node as Organization)) this.organizations.push(node as Organization); break;
            case Role.$type: if (this.named(node as Role)) this.roles.push(node as Role); break;
            case Person.$type: if (this.named(node as Person)) this.persons.push(node as Person); break;
            case Responsibility.$type: if (this.named(node as Responsibility)) this.responsibilities.push(node as Responsibility); break;
            case Authority.$type: if (this.named(node as Authority)) this.authorities.push(node as Authority); break;
            case Training.$type: if (this.named(node as Training)) this.trainings.push(node as Training); break;
            case AppointingBody.$type: if (this.named(node as AppointingBody)) this.appointingBodies.push(node as AppointingBody); break;
            case TrainingCompletion.$type: this.completions.push(node as TrainingCompletion); break;
            case Conflict.$type: this.conflicts.push(node as Conflict); break;
            case Claim.$type: this.claims.push(node as Claim); break;
            case CustomFramework.$type: this.customFrameworks.push(node as CustomFramework); break;
            case Assignment.$type: {
                const assignment = node as Assignment;
                this.assignments.push(assignment);
                const role = assignment.role?.ref;
                const person = assignment.person?.ref;
                if (role) pushTo(this.assignmentsByRole, role, assignment);
                if (person) pushTo(this.assignmentsByPerson, person, assignment);
                break;
            }
            case Delegation.$type: {
                const delegation = node as Delegation;
                this.delegations.push(delegation);
                const recipient = delegation.to?.ref;
                if (recipient) pushTo(this.delegationsByRecipient, recipient, delegation);
                break;
            }
        }
    }

    /**
     * Indexes a named declaration by its name. One whose name did not parse (`role training "…"`,
     * or one still being typed) is not declared: its syntax error says why, nothing can refer to
     * it, and no finding may call it 'undefined'.
     */
    private named(node: NamedDeclaration): boolean {
        if (!node.name) return false;
        pushTo(this.declarationsByName, node.name, node);
        return true;
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
        return this.assignmentsByRole.get(role) ?? [];
    }

    assignmentsOfPerson(person: Person): readonly Assignment[] {
        return this.assignmentsByPerson.get(person) ?? [];
    }

    delegationsTo(party: Party): readonly Delegation[] {
        return this.delegationsByRecipient.get(party) ?? [];
    }

    /**
     * Assignments that hold `role` on `date`: in force, and their person employed or engaged on
     * that date (see tenure.ts). An undated start counts as in force; another rule flags it.
     */
    holdersOn(role: Role, date: IsoDate): Assignment[] {
        return this.assignmentsOf(role).filter(assignment => assignmentHoldsOn(assignment, date));
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
            roles = [...new Set(this.assignmentsOfPerson(person)
                .filter(assignment => assignmentHoldsOn(assignment, date))
                .flatMap(assignment => assignment.role?.ref ? [assignment.role.ref] : []))];
            known.set(person, roles);
        }
        return roles;
    }

    /** Every tenure in `role`: consecutive or overlapping terms of one person are one tenure. */
    tenuresOf(role: Role): readonly Tenure[] {
        return this.tenureIndex().byRole.get(role) ?? [];
    }

    /** The tenure an assignment belongs to; undefined while its person or role is unresolved. */
    tenureOf(assignment: Assignment): Tenure | undefined {
        return this.tenureIndex().byAssignment.get(assignment);
    }

    private tenureIndex(): { byRole: Map<Role, Tenure[]>; byAssignment: Map<Assignment, Tenure> } {
        return this.cached('tenures', () => {
            const byRole = new Map<Role, Tenure[]>();
            const byAssignment = new Map<Assignment, Tenure>();
            for (const [role, assignments] of this.assignmentsByRole) {
                const tenures = tenuresOf(role, assignments);
                byRole.set(role, tenures);
                for (const tenure of tenures) for (const term of tenure.terms) byAssignment.set(term, tenure);
            }
            return { byRole, byAssignment };
        });
    }

    /** Roles that admit one holder at a time: the designated CISO always, and roles marked `single holder`. */
    isSingleHolder(role: Role): boolean {
        return role.ciso || role.singleHolder;
    }

    /** Duties a role carries in its job description (responsible, accountable or authorized). */
    dutiesCarriedBy(role: Role): Duty[] {
        let duties = this.carriedDuties.get(role);
        if (!duties) {
            duties = [];
            for (const link of role.duties) {
                if (!CARRYING_KINDS.has(link.kind)) continue;
                for (const reference of link.duties) if (reference.ref) duties.push(reference.ref);
            }
            this.carriedDuties.set(role, duties);
        }
        return duties;
    }

    /** Roles whose job description carries a duty that satisfies `requirementId`, in model order. */
    rolesCarrying(requirementId: string): Role[] {
        return this.carriers.of(requirementId);
    }

    /**
     * The requirements this workspace can cite: built-in frameworks, then the organization's own from
     * catalogue files, then those declared in the policy. A prefix is defined once and the first
     * definition applies; framework-invalid reports the later ones.
     */
    get catalogue(): RequirementCatalogue {
        return this.cached('catalogue', () => new RequirementCatalogue([
            ...this.catalogueFiles,
            // A prefix no requirement ID can start with is reported by framework-invalid, and offers nothing to cite.
            ...this.customFrameworks.filter(framework => framework.prefix && FRAMEWORK_PREFIX_FORM.test(framework.prefix)).map(framework => ({
                prefix: framework.prefix, name: framework.title ?? framework.prefix, origin: 'policy' as const,
                requirements: framework.requirements.flatMap(requirement => {
                    // `ACME:AC-01` under `framework ACME`; an ID of another prefix is reported, not indexed.
                    const [prefix, clause] = [requirement.id?.slice(0, requirement.id.indexOf(':')), requirement.id?.slice(requirement.id.indexOf(':') + 1)];
                    return prefix === framework.prefix && clause ? [{ clause, title: requirement.title ?? clause }] : [];
                })
            }))
        ]));
    }

    /** Memoise a derived result for the lifetime of this snapshot. */
    cached<T>(key: string, compute: () => T): T {
        if (!this.memo.has(key)) {
            this.memo.set(key, compute());
        }
        return this.memo.get(key) as T;
    }
}

/** The document a node belongs to, for grouping findings by file. */
export function documentUriOf(node: AstNode): string {
    let current: AstNode = node;
    while (current.$container) current = current.$container;
    return current.$document?.uri.toString() ?? '';
}
