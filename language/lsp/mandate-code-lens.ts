import { AstUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Command, Position } from 'vscode-languageserver';
import { isAuthority, isDelegation, isPerson, isResponsibility, isRole, type Delegation, type Model, type Person, type Role } from '../generated/ast.js';
import type { MandateSharedServices } from '../mandate-module.js';
import type { IsoDate } from '../util/dates.js';
import { delegationStatus } from '../workspace/delegation-status.js';
import { assignmentHoldsOn } from '../workspace/tenure.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import {
    QUERY_COMMAND, RUN_POLICY_TEST_COMMAND, SHOW_LOCATIONS_COMMAND, type QueryCommandArguments, type RunPolicyTestArguments, type ShowLocationsArguments
} from './mandate-protocol.js';
import { identifiedTests } from './policy-test-ids.js';

type Location = ShowLocationsArguments[2][number];

/** A lens names at most this many holders or roles; the rest are counted ("and 12 more"). */
const LISTED = 3;

/**
 * A lens carries at most this many places: a role held by 10,000 people (an HR import) carried
 * every assignment's location, about 1 MB, on every lens request after every edit.
 */
export const LENS_LOCATIONS = 200;

/** `Jane Doe, Sam Lee and 4 more`. */
function listed(names: readonly string[]): string {
    if (names.length <= LISTED) return names.join(', ');
    return `${names.slice(0, LISTED).join(', ')} and ${names.length - LISTED} more`;
}

/** Where a declaration is, for the references view: its whole text. */
function locationOf(node: AstNode): Location | undefined {
    const range = node.$cstNode?.range;
    const document = AstUtils.findRootNode(node).$document;
    return range && document ? { uri: document.uri.toString(), range } : undefined;
}

/** A person as people read them: their full name, or their ID when the name did not parse. */
function personName(person: Person): string {
    return person.title || person.name;
}

function roleName(role: Role): string {
    return role.title || role.name;
}

/**
 * Code lenses above roles, people and delegations, for the as-of date (Settings), all read from
 * the WorkspaceModel: who holds a role (or VACANT) and how many duties it carries, which roles a
 * person holds, and whether a delegation is in force, expired or still to come. Each lens opens
 * the places it speaks of in the references view (client command SHOW_LOCATIONS_COMMAND). One
 * pass over the file's declarations, each answered from the model's maps: linear in the file.
 * Duties get "Who may do this?", and policy tests "Run test": both only name a client command
 * (the query, the Testing view's run), so they cost nothing until clicked.
 */
export class MandateCodeLensProvider implements CodeLensProvider {
    constructor(private readonly shared: MandateSharedServices) {}

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): MaybePromise<CodeLens[] | undefined> {
        const model = this.shared.mandate.WorkspaceModel.get();
        const asOf = this.shared.mandate.Settings.asOf();
        const lenses: CodeLens[] = [];
        for (const declaration of (document.parseResult.value as Model).declarations ?? []) {
            const start = declaration.$cstNode?.range.start;
            if (!start) continue;
            const lens = (command: Command): void => { lenses.push({ range: { start, end: start }, command }); };
            if (isRole(declaration) && declaration.name) this.roleLenses(declaration, model, asOf, start, document).forEach(lens);
            else if (isPerson(declaration) && declaration.name) lens(this.personLens(declaration, model, asOf, start, document));
            else if (isDelegation(declaration)) lens(this.delegationLens(declaration, asOf, start, document));
            else if ((isResponsibility(declaration) || isAuthority(declaration)) && declaration.name) {
                const args: QueryCommandArguments = ['may-perform', declaration.name];
                lens({ title: 'Who may do this?', tooltip: `Who may perform '${declaration.name}' on ${asOf}, and through which roles and delegations`, command: QUERY_COMMAND, arguments: args });
            }
        }
        for (const { id, test } of identifiedTests(document)) {
            const start = test.$cstNode?.range.start;
            if (!start) continue;
            const args: RunPolicyTestArguments = [id];
            lenses.push({ range: { start, end: start }, command: { title: 'Run test', tooltip: 'Run this policy test; the result shows in the Testing view', command: RUN_POLICY_TEST_COMMAND, arguments: args } });
        }
        return lenses;
    }

    private roleLenses(role: Role, model: WorkspaceModel, asOf: IsoDate, at: Position, document: LangiumDocument): Command[] {
        const holders = model.holdersOn(role, asOf);
        const names = [...new Set(holders.map(assignment => {
            const person = assignment.person?.ref;
            const capacity = assignment.capacity ? ` (${assignment.capacity})` : '';
            return `${person ? personName(person) : assignment.person?.$refText ?? ''}${capacity}`;
        }))].filter(name => name !== '');
        const holderLens = names.length > 0
            ? this.command(`Held by ${listed(names)}`, `Who holds '${role.name}' on ${asOf}: their assignments`, document, at, holders)
            // A vacant role lists its past and future assignments, if it has any.
            : this.command('VACANT', `No one holds '${role.name}' on ${asOf}`, document, at, model.assignmentsOf(role));
        const duties = [...new Set(model.dutiesCarriedBy(role))];
        const dutyLens = this.command(
            duties.length === 1 ? '1 duty' : `${duties.length === 0 ? 'No' : duties.length} duties`,
            `Duties '${role.name}' is responsible for, accountable for or authorized to`, document, at, duties
        );
        return [holderLens, dutyLens];
    }

    private personLens(person: Person, model: WorkspaceModel, asOf: IsoDate, at: Position, document: LangiumDocument): Command {
        const roles = model.rolesOfPersonOn(person, asOf);
        if (roles.length === 0) {
            return this.command(`Holds no role on ${asOf}`, `'${person.name}' holds no role on ${asOf}: their assignments`, document, at, model.assignmentsOfPerson(person));
        }
        // The person's own assignments, not each role's holders: a role held by thousands stays cheap.
        const inForce = model.assignmentsOfPerson(person).filter(assignment => assignmentHoldsOn(assignment, asOf));
        return this.command(`Holds ${listed(roles.map(roleName))}`, `Roles '${person.name}' holds on ${asOf}: the assignments`, document, at, inForce);
    }

    private delegationLens(delegation: Delegation, asOf: IsoDate, at: Position, document: LangiumDocument): Command {
        const { since, until } = delegation;
        const status = delegationStatus(delegation, asOf);
        const title = status === 'future' ? `Future: starts ${since}`
            : status === 'expired' ? `Expired: ended ${until}`
            : until ? `In force until ${until}` : 'In force';
        const places = [delegation.duty?.ref, delegation.to?.ref].filter((node): node is NonNullable<typeof node> => node !== undefined);
        return this.command(title, `On ${asOf}; the delegated duty and who receives it`, document, at, places);
    }

    /** A lens that lists `nodes` in the references view; with nothing to list, a lens that only informs. */
    private command(title: string, tooltip: string, document: LangiumDocument, at: Position, nodes: readonly AstNode[]): Command {
        const locations = nodes.slice(0, LENS_LOCATIONS).flatMap(node => locationOf(node) ?? []);
        if (locations.length === 0) return { title, tooltip, command: '' };
        const args: ShowLocationsArguments = [document.uri.toString(), at, locations];
        const shown = nodes.length > LENS_LOCATIONS ? ` (the references view lists the first ${LENS_LOCATIONS} of ${nodes.length})` : '';
        return { title, tooltip: `${tooltip}${shown}`, command: SHOW_LOCATIONS_COMMAND, arguments: args };
    }
}
