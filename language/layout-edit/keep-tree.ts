import { DocumentState, type LangiumDocument, type LangiumDocuments, type Lexer, type RootCstNode } from 'langium';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { lineStartsOf } from '../mandate-leaf-cst-node.js';
import { lineIndexAt } from '../util/line-breaks.js';
import { baseNameOf } from '../workspace/file-label.js';
import { noteLayoutEdit } from '../workspace/semantic-fingerprint.js';
import type { WorkspaceFindings } from '../workspace/workspace-findings.js';
import { planLayoutEdit, type LayoutPlan } from './layout-plan.js';
import { patchTree } from './patch-tree.js';

/** What keeping a tree through an edit reads and updates besides the tree. */
export interface KeepTreeContext {
    readonly documents: LangiumDocuments;
    readonly findings: WorkspaceFindings;
    readonly lexer: Lexer;
}

/**
 * Takes `text` as the new text of `document` without parsing it again, when the edit changed only
 * blanks and comments (layout-plan.ts) and the workspace is fully built: the tree is moved in place
 * (patch-tree.ts), so its nodes, links, index entries and every result computed from them stay,
 * and the document's diagnostics move with the text. This is what a keystroke in a comment of a file
 * of 10,000 people costs: a few milliseconds instead of parsing, linking and indexing 6.5 MB again.
 * False, with nothing changed, when the document must be built as usual: then a cold build and
 * this give the same result (tests/layout-edit.test.ts compares them).
 */
export function keepTreeThroughEdit(document: LangiumDocument, text: string, context: KeepTreeContext): boolean {
    if (document.state !== DocumentState.Validated || !document.diagnostics) return false;
    for (const other of context.documents.all) if (other.state !== DocumentState.Validated) return false;
    const plan = planLayoutEdit(document.parseResult, text);
    const root = document.parseResult.value.$cstNode?.root as RootCstNode | undefined;
    if (!plan || !root) return false;
    // A message that names a line of this file (`teams/a/people.mandate:12`, ending in its name) would name another line now.
    const label = `${baseNameOf(document.uri)}:`;
    for (const other of context.documents.all) if (other.diagnostics?.some(diagnostic => mentions(diagnostic, label))) return false;
    const oldStarts = document.diagnostics.length > 0 ? lineStartsOf(root) : undefined;
    // A finding's message may quote the text it stands on, or name what is next to it (invisible-character).
    if (oldStarts && document.diagnostics.some(diagnostic => touches(diagnostic, plan, oldStarts))) return false;
    const types = context.lexer.definition;
    if (!types.SL_COMMENT || !types.ML_COMMENT) return false;
    // Last of the checks: it also lets go of the state before the last edit.
    if (!context.findings.keepThroughLayoutEdit(document.parseResult.value, label)) return false;
    if (!patchTree(root, plan, { SL_COMMENT: types.SL_COMMENT, ML_COMMENT: types.ML_COMMENT })) return false;
    if (oldStarts) document.diagnostics = document.diagnostics.map(diagnostic => moved(diagnostic, plan, oldStarts, lineStartsOf(root)));
    noteLayoutEdit(document.parseResult.value, { offset: plan.offset, text: text.slice(plan.offset, plan.newEnd), linesMoved: plan.linesMoved });
    return true;
}

/** Whether the edit is inside the diagnostic's range or next to it. */
function touches(diagnostic: Diagnostic, plan: LayoutPlan, oldStarts: readonly number[]): boolean {
    const offsetOf = (position: Position) => (oldStarts[position.line] ?? Number.MAX_SAFE_INTEGER) + position.character;
    return offsetOf(diagnostic.range.start) <= plan.oldEnd && plan.offset <= offsetOf(diagnostic.range.end);
}

function mentions(diagnostic: Diagnostic, label: string): boolean {
    return (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value).includes(label) || (diagnostic.data !== undefined && JSON.stringify(diagnostic.data).includes(label));
}

/** The diagnostic with its range where its text is now. */
function moved(diagnostic: Diagnostic, plan: LayoutPlan, oldStarts: readonly number[], newStarts: readonly number[]): Diagnostic {
    const start = movedPosition(diagnostic.range.start, 'start', plan, oldStarts, newStarts);
    const end = movedPosition(diagnostic.range.end, 'end', plan, oldStarts, newStarts);
    return { ...diagnostic, range: { start, end } };
}

/** `edge`: at the place text was typed, a range's start is the token after it, which moved; its end the token before, which did not. */
function movedPosition(position: Position, edge: 'start' | 'end', plan: LayoutPlan, oldStarts: readonly number[], newStarts: readonly number[]): Position {
    const lineStart = oldStarts[position.line];
    if (lineStart === undefined) return position;
    const nextLine = oldStarts[position.line + 1];
    // A range may run past the end of its line (a whole line): its line moves, its column stays.
    if (nextLine !== undefined && lineStart + position.character >= nextLine) return { line: lineIndexAt(newStarts, movedOffset(lineStart, 'start', plan)), character: position.character };
    const now = movedOffset(lineStart + position.character, edge, plan);
    const line = lineIndexAt(newStarts, now);
    return { line, character: now - newStarts[line] };
}

function movedOffset(offset: number, edge: 'start' | 'end', plan: LayoutPlan): number {
    if (edge === 'start' ? offset < plan.offset : offset <= plan.offset) return offset;
    return offset >= plan.oldEnd ? offset + plan.delta : plan.offset;
}
