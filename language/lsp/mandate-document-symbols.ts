import type { AstNode, CstNode, LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol, Range } from 'vscode-languageserver';
import type {
    Acknowledgement, Announcement, Assignment, Claim, Conflict, CustomFramework, CustomRequirement, Delegation, DutyLink, Exclusion,
    JobDescription, Model, Person, Role, TrainingCompletion
} from '../generated/ast.js';
import { positionIn } from '../mandate-leaf-cst-node.js';
import { propertySpan } from '../util/property-span.js';
import { refName, refTitle, symbolKindOf } from './symbol-kinds.js';

/** The RACI phrase of a duty line, as written. */
const DUTY_PHRASES: Record<string, string> = {
    responsible: 'responsible for', accountable: 'accountable for', consulted: 'consulted on',
    informed: 'informed of', authorized: 'authorized to'
};

/**
 * The outline: one symbol per declaration, whatever its kind, named as people read it
 * (`jane-doe → ciso`, `ciso → isms-manager: incident-management`, `ciso ↔ internal-auditor`)
 * with the titles as detail, and the blocks people navigate inside nested under their
 * declaration (announcements under an assignment, job descriptions and duty lines under a role,
 * requirements under a framework), so breadcrumbs show where the cursor is.
 * Kinds: see symbol-kinds.ts. The symbols are computed from the parsed document only (plus the
 * titles of what its references point to), so a file that does not link still has an outline.
 */
export class MandateDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const model = document.parseResult.value as Model;
        const symbols: DocumentSymbol[] = [];
        for (const declaration of model.declarations ?? []) {
            const symbol = this.symbolOf(declaration);
            if (symbol) symbols.push(symbol);
        }
        return symbols;
    }

    protected symbolOf(node: AstNode): DocumentSymbol | undefined {
        // By type name rather than the generated type guards, which ask the reflection about subtypes:
        // an outline of a file of 10,000 people asks this 90,000 times, and none of these types has a subtype.
        switch (node.$type) {
            case 'Assignment': {
                const assignment = node as Assignment;
                return this.symbol(node, `${refName(assignment.person)} → ${refName(assignment.role)}`, assignmentDetail(assignment),
                    refRange(assignment.person?.$refNode), [...assignment.announcements, ...assignment.acknowledgements]);
            }
            case 'Delegation': {
                const delegation = node as Delegation;
                return this.symbol(node, `${refName(delegation.from)} → ${refName(delegation.to)}: ${refName(delegation.duty)}`, delegationDetail(delegation), refRange(delegation.duty?.$refNode));
            }
            case 'TrainingCompletion': {
                const completion = node as TrainingCompletion;
                return this.symbol(node, `${refName(completion.person)}: ${refName(completion.training)}${completion.date ? ` on ${completion.date}` : ''}`,
                    `${refTitle(completion.person)}: ${refTitle(completion.training)}`, refRange(completion.training?.$refNode));
            }
            case 'Conflict': {
                const conflict = node as Conflict;
                return this.symbol(node, `${refName(conflict.left)} ↔ ${refName(conflict.right)}`, `${refTitle(conflict.left)} ↔ ${refTitle(conflict.right)}`, refRange(conflict.left?.$refNode));
            }
            case 'Claim': {
                const claim = node as Claim;
                return this.symbol(node, `claims ${claim.framework || '…'}`, undefined, property(node, 'framework'), claim.exclusions);
            }
            case 'Exclusion': {
                const exclusion = node as Exclusion;
                return this.symbol(node, `not applicable ${exclusion.requirements.join(', ') || '…'}`, exclusion.justification, property(node, 'requirements'));
            }
            case 'CustomFramework': {
                const framework = node as CustomFramework;
                return this.symbol(node, framework.prefix || '…', framework.title, property(node, 'prefix'), framework.requirements);
            }
            case 'CustomRequirement': {
                const requirement = node as CustomRequirement;
                return this.symbol(node, requirement.id || '…', requirement.title, property(node, 'id'));
            }
            case 'Announcement': {
                const announcement = node as Announcement;
                const audience = announcement.audience ? ` to ${announcement.audience}` : '';
                return this.symbol(node, `announced ${announcement.date ?? '…'}`, announcement.channel ? `via ${announcement.channel}${audience}` : undefined, property(node, 'date'));
            }
            case 'Acknowledgement':
                return this.symbol(node, `acknowledged ${(node as Acknowledgement).date ?? '…'}`, undefined, property(node, 'date'));
            case 'JobDescription': {
                const description = node as JobDescription;
                const parts = [description.version && `version ${description.version}`, description.effective && `effective ${description.effective}`].filter(Boolean);
                return this.symbol(node, description.path || 'job description', parts.join(', ') || 'job description', property(node, 'path'));
            }
            case 'DutyLink': {
                const link = node as DutyLink;
                return this.symbol(node, DUTY_PHRASES[link.kind] ?? link.kind, link.duties.map(refName).join(', '), property(node, 'kind'));
            }
        }
        // The named declarations: organization, person, role, responsibility, authority, training, appointing body.
        const named = node as AstNode & { name?: string, title?: string };
        if (!named.name) return undefined; // its name did not parse: nothing to call it
        const children = node.$type === 'Role' ? [...(node as Role).jobDescriptions, ...(node as Role).duties] : [];
        const person = node.$type === 'Person' ? node as Person : undefined;
        const detail = person?.external && person.firm ? [person.title, `external (${person.firm})`].filter(Boolean).join(', ') : named.title;
        return this.symbol(node, named.name, detail, property(node, 'name'), children);
    }

    protected symbol(node: AstNode, name: string, detail: string | undefined, selection: Range | undefined, children: readonly AstNode[] = []): DocumentSymbol | undefined {
        const cst = node.$cstNode;
        if (!cst) return undefined;
        const range = cst.range;
        const selectionRange = selection && within(selection, range) ? selection : { start: range.start, end: range.start };
        const nested = children.map(child => this.symbolOf(child)).filter((child): child is DocumentSymbol => child !== undefined);
        return {
            name: name.trim() || '…', // VS Code rejects a symbol without a name
            detail: detail || undefined,
            kind: symbolKindOf(node.$type),
            range,
            selectionRange,
            ...(nested.length > 0 ? { children: nested } : {})
        };
    }
}

/** Where a property's text is, without making the leaves of the node's tokens (util/property-span.ts). */
function property(node: AstNode, name: string): Range | undefined {
    const span = propertySpan(node, name);
    const root = node.$cstNode?.root;
    return span && root ? { start: positionIn(root, span.offset), end: positionIn(root, span.end) } : undefined;
}

function refRange(node: CstNode | undefined): Range | undefined {
    return node?.range;
}

function within(inner: Range, outer: Range): boolean {
    const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** `2022-04-01 – 2024-03-31`, `since 2022-04-01`, `until 2024-03-31`, or nothing. */
function period(since: string | undefined, until: string | undefined): string {
    if (since && until) return `${since} – ${until}`;
    if (since) return `since ${since}`;
    return until ? `until ${until}` : '';
}

function assignmentDetail(node: Assignment): string {
    const capacity = node.capacity ? ` (${node.capacity})` : '';
    return [`${refTitle(node.person)} as ${refTitle(node.role)}${capacity}`, period(node.since, node.until)].filter(Boolean).join(', ');
}

function delegationDetail(node: Delegation): string {
    return [`${refTitle(node.duty)}: ${refTitle(node.from)} → ${refTitle(node.to)}`, period(node.since, node.until)].filter(Boolean).join(', ');
}
