import { AstUtils, GrammarAST, isCompositeCstNode, type CstNode, type LangiumDocument, type LeafCstNode, type ValidationChecks } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { MandateAstType, Model } from '../generated/ast.js';
import { IssueCodes } from '../mandate-issue-codes.js';
import { invisibleKind, invisibleRuns, invisibleRunsAfterEdit, nameOf, tagText, type InvisibleKind, type InvisibleRun } from '../util/invisible-characters.js';
import { spliceOf } from '../statement-edit/splice-tree.js';
import { layoutVersionOf } from '../mandate-leaf-cst-node.js';
import { statementReparse } from '../statement-edit/statement-reparse.js';
import type { NodeRule } from './rule.js';

/** A file full of hidden characters gets this many findings, the last one saying how many more there are. */
const MAX_FINDINGS_PER_FILE = 100;
/** A run names at most this many distinct characters. */
const MAX_NAMED = 3;

const WHY: Record<InvisibleKind, [singular: string, plural: string]> = {
    bidi: [
        'it changes the order in which the text around it is displayed, so the line reads differently from what Mandate reads (a Trojan Source trick)',
        'they change the order in which the text around them is displayed, so the line reads differently from what Mandate reads (a Trojan Source trick)'
    ],
    control: [
        'it is a control character, which editors hide and terminals may act on',
        'they are control characters, which editors hide and terminals may act on'
    ],
    'line-break': [
        'some editors show it as a line break where Mandate sees none',
        'some editors show them as line breaks where Mandate sees none'
    ],
    tag: ['it is invisible and can carry hidden text', 'they are invisible and can carry hidden text'],
    invisible: ['it is invisible, so the text looks the same with or without it', 'they are invisible, so the text looks the same with or without them']
};

/** `U+202E RIGHT-TO-LEFT OVERRIDE`, `3 × U+200B ZERO WIDTH SPACE`, or a list of the distinct characters. */
function describeRun(characters: readonly string[]): string {
    const distinct = [...new Set(characters)];
    if (distinct.length === 1) return characters.length === 1 ? nameOf(distinct[0]) : `${characters.length} × ${nameOf(distinct[0])}`;
    if (distinct.every(char => invisibleKind(char) === 'tag')) {
        return `${characters.length} tag characters hiding the text \`${tagText(characters)}\``;
    }
    const named = distinct.slice(0, MAX_NAMED).map(nameOf);
    const more = distinct.length - named.length;
    const list = more > 0 ? `${named.join(', ')} and ${more} more` : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}`;
    return `${characters.length} invisible characters (${list})`;
}

/** The start of a CST node including leading comments, which Langium's `offset` leaves out. */
function startOf(node: CstNode): number {
    let current = node;
    while (isCompositeCstNode(current) && current.content.length > 0) current = current.content[0];
    return current.offset;
}

/** The token (comments included) that contains `offset`, or undefined between tokens. */
function leafAt(root: CstNode, offset: number): LeafCstNode | undefined {
    let current = root;
    while (isCompositeCstNode(current)) {
        const content = current.content;
        let low = 0;
        let high = content.length - 1;
        let found = -1;
        while (low <= high) {
            const middle = (low + high) >> 1;
            if (startOf(content[middle]) <= offset) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        if (found < 0) return undefined;
        current = content[found];
    }
    return current.offset <= offset && offset < current.end ? current as LeafCstNode : undefined;
}

const STRING_PLACES: Record<string, string> = {
    evidence: 'in an evidence path', path: 'in a job-description path', email: 'in an email address'
};

/** Where the run is, in the author's words: `in a comment`, `in an evidence path`, `in a name`. */
function placeOf(text: string, root: CstNode | undefined, run: InvisibleRun): { place: string; suppression: boolean } {
    const leaf = root && leafAt(root, run.start);
    const token = leaf?.tokenType.name;
    if (leaf && (token === 'SL_COMMENT' || token === 'ML_COMMENT')) {
        const suppression = leaf.text.includes('mandate-ignore');
        return { place: suppression ? 'in a suppression comment' : 'in a comment', suppression };
    }
    if (leaf && token === 'STRING') {
        const assignment = AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isAssignment);
        const feature = assignment?.feature ?? '';
        const name = (leaf.astNode as { name?: unknown }).name;
        if (feature === 'title' && typeof name === 'string' && name) return { place: `in the title of \`${name}\``, suppression: false };
        return { place: STRING_PLACES[feature] ?? 'in a quoted text', suppression: false };
    }
    // Between tokens, or where the lexer read none: named by the word it sits in or next to.
    const before = wordAround(text, run.start, -1);
    const after = wordAround(text, run.end, 1);
    if (before && after) return { place: `in the name \`${before}${after}\``, suppression: false };
    if (before) return { place: `after \`${before}\``, suppression: false };
    if (after) return { place: `before \`${after}\``, suppression: false };
    return { place: 'outside quoted text', suppression: false };
}

/** The name characters just before (`direction` -1) or from (1) `offset`, at most 64 of them. */
function wordAround(text: string, offset: number, direction: 1 | -1): string {
    let end = offset;
    const step = (index: number): boolean => Math.abs(index - offset) < 64 && /[\w-]/.test(text[direction < 0 ? index - 1 : index] ?? '');
    while (step(end)) end += direction;
    return direction < 0 ? text.slice(end, offset) : text.slice(offset, end);
}

function messageFor(text: string, root: CstNode | undefined, run: InvisibleRun): string {
    const kinds = run.characters.map(invisibleKind);
    const kind = kinds.includes('bidi') ? 'bidi' : kinds[0];
    const [singular, plural] = WHY[kind];
    const one = run.characters.length === 1;
    const { place, suppression } = placeOf(text, root, run);
    const fix = one ? 'Delete it' : 'Delete them';
    const ignored = suppression
        ? ' Until then, this suppression accepts nothing: an exception must read the same to every reviewer.'
        : '';
    return `${describeRun(run.characters)} ${place}: ${one ? singular : plural}. ${fix}, or retype the text.${ignored}`;
}

/** How many times a large file's runs were read around a spliced statement only, for the tests. */
export const invisibleReading = { around: 0 };

/** The runs of a large file's last text read, and the tree of that text. */
const lastRuns = new WeakMap<LangiumDocument, { readonly root: WeakRef<Model>; readonly layout: number; readonly runs: readonly InvisibleRun[] }>();

/**
 * The runs of hidden characters in a document's text. A large file's tree spliced from the one it
 * had when last read (statement-edit/) reads its statement's text again, not the file's 6.5 MB.
 */
function runsOf(document: LangiumDocument, model: Model, text: string): Iterable<InvisibleRun> {
    if (text.length < statementReparse.minLength) return invisibleRuns(text);
    const last = lastRuns.get(document);
    const splice = spliceOf(model);
    const layout = model.$cstNode ? layoutVersionOf(model.$cstNode.root) : 0;
    // The tree spliced from the one read last, with no edit of its layout in place since (which moves the text: layout-edit/).
    const around = last && splice && splice.before.deref() === last.root.deref() && layout === last.layout + 1;
    if (around) invisibleReading.around++;
    const runs = around ? invisibleRunsAfterEdit(text, last.runs, splice.text.start, splice.text.oldEnd, splice.text.newEnd) : [...invisibleRuns(text)];
    lastRuns.set(document, { root: new WeakRef(model), layout, runs });
    return runs;
}

/**
 * Per document, over its text rather than its syntax tree: invisible characters hide anywhere,
 * in comments, quoted texts and between tokens the lexer rejected. Reads only its own document.
 */
export const invisibleCharacter: NodeRule = {
    id: IssueCodes.InvisibleCharacter,
    scope: 'node',
    throughSyntaxErrors: 'text',
    category: 'well-formedness',
    severity: 'warning',
    standards: ['ISO27001:7.5'],
    summary: 'A bidirectional control, zero-width, tag or control character hides in the text, so it reads differently from what Mandate checks (Trojan Source).',
    fixable: false,
    checks: (_context, report) => ({
        Model: (model: Model, accept) => {
            const document = AstUtils.getDocument(model);
            const text = document.textDocument.getText();
            const root = model.$cstNode;
            const runs = runsOf(document, model, text);
            let count = 0;
            let last: { range: Range; message: string } | undefined;
            const flush = (more: number): void => {
                if (!last) return;
                const tail = more > 0 ? ` This file holds ${more} more ${more === 1 ? 'run' : 'runs'} of hidden characters after this one.` : '';
                report(accept, { node: model, range: last.range }, last.message + tail);
            };
            for (const run of runs) {
                count++;
                if (count > MAX_FINDINGS_PER_FILE) continue;
                flush(0);
                last = {
                    range: { start: document.textDocument.positionAt(run.start), end: document.textDocument.positionAt(run.end) },
                    message: messageFor(text, root, run)
                };
            }
            flush(count - Math.min(count, MAX_FINDINGS_PER_FILE));
        }
    }) as ValidationChecks<MandateAstType>
};
