import { AstUtils, URI, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeLensProvider, LangiumServices } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Command, Connection, Position } from 'vscode-languageserver';
import {
    isAuthority, isDelegation, isPerson, isResponsibility, isRole, type Authority, type Delegation, type Model, type Person, type Responsibility, type Role
} from '../generated/ast.js';
import { layoutVersionOf } from '../mandate-leaf-cst-node.js';
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

/** What a lens is about; the lens's data says it, and its title is worked out when the editor shows it. */
const LensKind = { holders: 0, duties: 1, person: 2, delegation: 3, query: 4 } as const;
type LensKind = typeof LensKind[keyof typeof LensKind];

/**
 * A lens to resolve: its kind, its document (a number, see `keyOf`), the syntax tree it was listed for
 * (a number, see `treeIdOf`), and the declaration's index in that tree.
 */
type LensData = [kind: LensKind, document: number, tree: number, index: number];

/** The answer for a lens listed for an earlier text of its document, which the editor is about to ask for again. */
const OUTDATED: Command = { title: '…', command: '' };

/**
 * Code lenses above roles, people and delegations, for the as-of date (Settings), all read from
 * the WorkspaceModel: who holds a role (or VACANT) and how many duties it carries, which roles a
 * person holds, and whether a delegation is in force, expired or still to come. Each lens opens
 * the places it speaks of in the references view (client command SHOW_LOCATIONS_COMMAND).
 * Duties get "Who may do this?", and policy tests "Run test".
 * A file of 10,000 people has 40,000 lenses, and the editor asks for them after every edit while
 * it shows a screenful: the lenses are listed with their place and what they are about only
 * (`codeLens/resolve` gives each its title and command when the editor shows it), 3 MB instead of
 * 17 MB and no reading of the model for the lenses nobody sees.
 */
export class MandateCodeLensProvider implements CodeLensProvider {
    /** The documents lenses were listed for, by number: a lens's data names its document by number, not by its URI. */
    private readonly uris: string[] = [];
    private readonly keys = new Map<string, number>();
    /**
     * The syntax trees lenses were listed for, by number, with their layout version: a lens of an
     * earlier tree, or of the same tree before an edit of its blanks and comments moved it
     * (layout-edit/), is outdated. Weak: a tree the document left goes.
     */
    private readonly treeIds = new WeakMap<Model, { readonly id: number; readonly layout: number }>();
    private trees = 0;

    constructor(private readonly shared: MandateSharedServices) {}

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): MaybePromise<CodeLens[] | undefined> {
        const key = this.keyOf(document.uri.toString());
        const root = document.parseResult.value as Model;
        const tree = this.treeIdOf(root);
        const lenses: CodeLens[] = [];
        const declarations = root.declarations ?? [];
        for (let index = 0; index < declarations.length; index++) {
            const declaration = declarations[index];
            const kinds = lensKindsOf(declaration);
            if (kinds.length === 0) continue;
            const start = declaration.$cstNode?.range.start;
            if (!start) continue;
            for (const kind of kinds) {
                const data: LensData = [kind, key, tree, index];
                lenses.push({ range: { start, end: start }, data });
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

    /** The title and command of a lens listed by `provideCodeLens`, for the as-of date now. */
    resolveCodeLens(lens: CodeLens): CodeLens {
        if (lens.command) return lens;
        const data = lensDataOf(lens.data);
        const uri = data && this.uris[data[1]];
        const document = uri === undefined ? undefined : this.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
        const root = document?.parseResult.value as Model | undefined;
        const declaration = root && this.currentTreeId(root) === data![2] ? root.declarations?.[data![3]] : undefined;
        if (!document || !declaration || !lensKindsOf(declaration).includes(data![0])) return { range: lens.range, command: OUTDATED };
        return { range: lens.range, command: this.commandOf(data![0], declaration, document, lens.range.start) };
    }

    private keyOf(uri: string): number {
        let key = this.keys.get(uri);
        if (key === undefined) {
            key = this.uris.push(uri) - 1;
            this.keys.set(uri, key);
        }
        return key;
    }

    private treeIdOf(root: Model): number {
        const id = this.currentTreeId(root);
        if (id !== undefined) return id;
        const known = { id: this.trees++, layout: layoutOf(root) };
        this.treeIds.set(root, known);
        return known.id;
    }

    /** The number lenses of `root` as it is laid out now were listed with, if any were. */
    private currentTreeId(root: Model): number | undefined {
        const known = this.treeIds.get(root);
        return known && known.layout === layoutOf(root) ? known.id : undefined;
    }

    private commandOf(kind: LensKind, declaration: AstNode, document: LangiumDocument, at: Position): Command {
        const model = this.shared.mandate.WorkspaceModel.get();
        const asOf = this.shared.mandate.Settings.asOf();
        switch (kind) {
            case LensKind.holders: return this.holderLens(declaration as Role, model, asOf, at, document);
            case LensKind.duties: return this.dutyLens(declaration as Role, model, at, document);
            case LensKind.person: return this.personLens(declaration as Person, model, asOf, at, document);
            case LensKind.delegation: return this.delegationLens(declaration as Delegation, asOf, at, document);
            case LensKind.query: {
                const name = (declaration as Responsibility | Authority).name;
                const args: QueryCommandArguments = ['may-perform', name];
                return { title: 'Who may do this?', tooltip: `Who may perform '${name}' on ${asOf}, and through which roles and delegations`, command: QUERY_COMMAND, arguments: args };
            }
        }
    }

    private holderLens(role: Role, model: WorkspaceModel, asOf: IsoDate, at: Position, document: LangiumDocument): Command {
        const holders = model.holdersOn(role, asOf);
        const names = [...new Set(holders.map(assignment => {
            const person = assignment.person?.ref;
            const capacity = assignment.capacity ? ` (${assignment.capacity})` : '';
            return `${person ? personName(person) : assignment.person?.$refText ?? ''}${capacity}`;
        }))].filter(name => name !== '');
        return names.length > 0
            ? this.command(`Held by ${listed(names)}`, `Who holds '${role.name}' on ${asOf}: their assignments`, document, at, holders)
            // A vacant role lists its past and future assignments, if it has any.
            : this.command('VACANT', `No one holds '${role.name}' on ${asOf}`, document, at, model.assignmentsOf(role));
    }

    private dutyLens(role: Role, model: WorkspaceModel, at: Position, document: LangiumDocument): Command {
        const duties = [...new Set(model.dutiesCarriedBy(role))];
        return this.command(
            duties.length === 1 ? '1 duty' : `${duties.length === 0 ? 'No' : duties.length} duties`,
            `Duties '${role.name}' is responsible for, accountable for or authorized to`, document, at, duties
        );
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

/** The lenses a declaration gets, in the order they show. */
function lensKindsOf(declaration: AstNode): readonly LensKind[] {
    if (isRole(declaration)) return declaration.name ? ROLE_LENSES : NO_LENSES;
    if (isPerson(declaration)) return declaration.name ? PERSON_LENSES : NO_LENSES;
    if (isDelegation(declaration)) return DELEGATION_LENSES;
    if (isResponsibility(declaration) || isAuthority(declaration)) return declaration.name ? QUERY_LENSES : NO_LENSES;
    return NO_LENSES;
}

const ROLE_LENSES: readonly LensKind[] = [LensKind.holders, LensKind.duties];
const PERSON_LENSES: readonly LensKind[] = [LensKind.person];
const DELEGATION_LENSES: readonly LensKind[] = [LensKind.delegation];
const QUERY_LENSES: readonly LensKind[] = [LensKind.query];
const NO_LENSES: readonly LensKind[] = [];

/** A lens's data as `provideCodeLens` wrote it, or undefined for anything else a client sends back. */
function lensDataOf(data: unknown): LensData | undefined {
    if (!Array.isArray(data) || data.length !== 4 || !data.every(value => Number.isSafeInteger(value) && value >= 0)) return undefined;
    return data[0] <= LensKind.query ? data as LensData : undefined;
}

/** Serves `codeLens/resolve` (Langium lists lenses only), once the current build is done. */
export function registerCodeLensResolve(shared: MandateSharedServices, connection: Connection): void {
    connection.onCodeLensResolve(lens => shared.workspace.WorkspaceLock.read(() => {
        const provider = shared.ServiceRegistry.all.map(services => (services as LangiumServices).lsp.CodeLensProvider).find(found => found instanceof MandateCodeLensProvider);
        return provider ? (provider as MandateCodeLensProvider).resolveCodeLens(lens) : lens;
    }));
}

function layoutOf(root: Model): number {
    return root.$cstNode ? layoutVersionOf(root.$cstNode.root) : 0;
}
