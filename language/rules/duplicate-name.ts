import type { AstNode } from 'langium';
import { IssueCodes } from '../mandate-issue-codes.js';
import { spellingsRead } from './confusable-spellings.js';
import type { WorkspaceFinding, WorkspaceRule } from './rule.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';

// A name declared thousands of times (a bad import) must not give every finding a list of thousands.
const MAX_PLACES_LISTED = 3;

/** The first few other declarations of the name. */
function othersListed(declaration: AstNode, declarations: readonly AstNode[]): AstNode[] {
    const listed: AstNode[] = [];
    for (const other of declarations) {
        if (listed.length === MAX_PLACES_LISTED) break;
        if (other !== declaration) listed.push(other);
    }
    return listed;
}

/** Where the listed ones are, and how many more there are. */
function otherPlaces(model: WorkspaceModel, listed: readonly AstNode[], total: number): string {
    const places = listed.map(other => model.locationOf(other));
    const more = total - 1 - listed.length;
    return more > 0 ? `${places.join(', ')} and ${more} other ${more === 1 ? 'place' : 'places'}` : places.join(', ');
}

export const duplicateName: WorkspaceRule = {
    id: IssueCodes.DuplicateName,
    scope: 'workspace',
    category: 'well-formedness',
    severity: 'error',
    standards: [],
    summary: 'Two declarations in the workspace share a name, so references to it are ambiguous.',
    fixable: false,
    readsOf: spellingsRead,
    findings(model) {
        const findings: WorkspaceFinding[] = [];
        const names = model.names;
        // In the order of each name's first declaration, as a merge of all names lists them: a run after an edit lists them as a cold one.
        const repeated = [...names.repeated].map(name => [name, names.get(name) ?? []] as const);
        repeated.sort(([, a], [, b]) => model.declarationOrder(a[0], b[0]));
        for (const [name, declarations] of repeated) {
            for (const declaration of declarations) {
                const listed = othersListed(declaration, declarations);
                findings.push({
                    node: declaration,
                    property: 'name',
                    message: `The name '${name}' is also declared at ${otherPlaces(model, listed, declarations.length)}. Names must be unique across the workspace; rename one of them.`,
                    related: listed.map(other => ({ node: other, message: `'${name}' is also declared here` }))
                });
            }
        }
        return findings;
    }
};
