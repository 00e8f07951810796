import type { AstNode, CstNode, LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol, Range } from 'vscode-languageserver';
import {
    isAcknowledgement, isAnnouncement, isAssignment, isClaim, isConflict, isCustomFramework, isCustomRequirement, isDelegation,
    isDutyLink, isExclusion, isJobDescription, isPerson, isRole, isTrainingCompletion,
    type Assignment, type Delegation, type Model
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
        if (isAssignment(node)) {
            return this.symbol(node, `${refName(node.person)} → ${refName(node.role)}`, assignmentDetail(node),
                refRange(node.person?.$refNode), [...node.announcements, ...node.acknowledgements]);
        }
        if (isDelegation(node)) {
            return this.symbol(node, `${refName(node.from)} → ${refName(node.to)}: ${refName(node.duty)}`, delegationDetail(node), refRange(node.duty?.$refNode));
        }
        if (isTrainingCompletion(node)) {
            return this.symbol(node, `${refName(node.person)}: ${refName(node.training)}${node.date ? ` on ${node.date}` : ''}`,
                `${refTitle(node.person)}: ${refTitle(node.training)}`, refRange(node.training?.$refNode));
        }
        if (isConflict(node)) {
            return this.symbol(node, `${refName(node.left)} ↔ ${refName(node.right)}`, `${refTitle(node.left)} ↔ ${refTitle(node.right)}`, refRange(node.left?.$refNode));
        }
        if (isClaim(node)) {
            return this.symbol(node, `claims ${node.framework || '…'}`, undefined, property(node, 'framework'), node.exclusions);
        }
        if (isExclusion(node)) {
            return this.symbol(node, `not applicable ${node.requirements.join(', ') || '…'}`, node.justification, property(node, 'requirements'));
        }
        if (isCustomFramework(node)) {
            return this.symbol(node, node.prefix || '…', node.title, property(node, 'prefix'), node.requirements);
        }
        if (isCustomRequirement(node)) return this.symbol(node, node.id || '…', node.title, property(node, 'id'));
        if (isAnnouncement(node)) {
            const audience = node.audience ? ` to ${node.audience}` : '';
            return this.symbol(node, `announced ${node.date ?? '…'}`, node.channel ? `via ${node.channel}${audience}` : undefined, property(node, 'date'));
        }
        if (isAcknowledgement(node)) return this.symbol(node, `acknowledged ${node.date ?? '…'}`, undefined, property(node, 'date'));
        if (isJobDescription(node)) {
            const parts = [node.version && `version ${node.version}`, node.effective && `effective ${node.effective}`].filter(Boolean);
            return this.symbol(node, node.path || 'job description', parts.join(', ') || 'job description', property(node, 'path'));
        }
        if (isDutyLink(node)) {
            return this.symbol(node, DUTY_PHRASES[node.kind] ?? node.kind, node.duties.map(refName).join(', '), property(node, 'kind'));
        }
        // The named declarations: organization, person, role, responsibility, authority, training, appointing body.
        const named = node as AstNode & { name?: string, title?: string };
        if (!named.name) return undefined; // its name did not parse: nothing to call it
        const children = isRole(node) ? [...node.jobDescriptions, ...node.duties] : [];
        const detail = isPerson(node) && node.external && node.firm ? [node.title, `external (${node.firm})`].filter(Boolean).join(', ') : named.title;
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
