import {
    AppointingBody, Assignment, Authority, Claim, Conflict, CustomFramework, Delegation, Organization, Person, Responsibility, Role, Training,
    TrainingCompletion, type Declaration, type Model, type Party
} from '../generated/ast.js';
import { pushTo } from '../util/multi-map.js';

/** Declarations that carry a workspace-wide name. */
export type NamedDeclaration = Organization | Person | Role | Responsibility | Authority | Training | AppointingBody;

/** The workspace's declarations by kind and by name, in document order. */
export interface Declarations {
    readonly organizations: Organization[];
    readonly roles: Role[];
    readonly persons: Person[];
    readonly responsibilities: Responsibility[];
    readonly authorities: Authority[];
    readonly assignments: Assignment[];
    readonly delegations: Delegation[];
    readonly trainings: Training[];
    readonly completions: TrainingCompletion[];
    readonly conflicts: Conflict[];
    readonly appointingBodies: AppointingBody[];
    readonly claims: Claim[];
    readonly customFrameworks: CustomFramework[];
    readonly declarationsByName: Map<string, NamedDeclaration[]>;
}

/** Who the assignments and delegations name: what resolving their references finds. */
export interface ReferenceIndex {
    readonly assignmentsByRole: Map<Role, Assignment[]>;
    readonly assignmentsByPerson: Map<Person, Assignment[]>;
    readonly delegationsByRecipient: Map<Party, Delegation[]>;
}

/**
 * Sorts the top-level declarations of the syntax trees `roots` by kind, in one pass. A declaration whose name did
 * not parse (`role training "…"`, or one still being typed) is not declared: its syntax error says
 * why, nothing can refer to it, and no finding may call it 'undefined'.
 */
export function indexDeclarations(roots: readonly Model[]): Declarations {
    const index: Declarations = {
        organizations: [], roles: [], persons: [], responsibilities: [], authorities: [], assignments: [], delegations: [], trainings: [],
        completions: [], conflicts: [], appointingBodies: [], claims: [], customFrameworks: [], declarationsByName: new Map()
    };
    const named = <T extends NamedDeclaration>(node: Declaration, into: T[]) => {
        if (!(node as T).name) return;
        pushTo(index.declarationsByName, (node as T).name, node as T);
        into.push(node as T);
    };
    for (const root of roots) {
        for (const node of root.declarations ?? []) {
            // By `$type`, not a chain of `isX` checks (each a subtype lookup): no declaration type has subtypes.
            switch (node.$type) {
                case Organization.$type: named(node, index.organizations); break;
                case Role.$type: named(node, index.roles); break;
                case Person.$type: named(node, index.persons); break;
                case Responsibility.$type: named(node, index.responsibilities); break;
                case Authority.$type: named(node, index.authorities); break;
                case Training.$type: named(node, index.trainings); break;
                case AppointingBody.$type: named(node, index.appointingBodies); break;
                case TrainingCompletion.$type: index.completions.push(node as TrainingCompletion); break;
                case Conflict.$type: index.conflicts.push(node as Conflict); break;
                case Claim.$type: index.claims.push(node as Claim); break;
                case CustomFramework.$type: index.customFrameworks.push(node as CustomFramework); break;
                case Assignment.$type: index.assignments.push(node as Assignment); break;
                case Delegation.$type: index.delegations.push(node as Delegation); break;
            }
        }
    }
    return index;
}

/** The assignments of each role and person, and the delegations to each party, in document order. */
export function indexReferences(declarations: Declarations): ReferenceIndex {
    const index: ReferenceIndex = { assignmentsByRole: new Map(), assignmentsByPerson: new Map(), delegationsByRecipient: new Map() };
    for (const assignment of declarations.assignments) {
        const role = assignment.role?.ref;
        const person = assignment.person?.ref;
        if (role) pushTo(index.assignmentsByRole, role, assignment);
        if (person) pushTo(index.assignmentsByPerson, person, assignment);
    }
    for (const delegation of declarations.delegations) {
        const recipient = delegation.to?.ref;
        if (recipient) pushTo(index.delegationsByRecipient, recipient, delegation);
    }
    return index;
}
