import type { CstNode, LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type LangiumServices } from 'langium/lsp';
import { FoldingRange, FoldingRangeKind, type FoldingRangeParams } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import { commentLeaves } from '../util/comment-leaves.js';
import { syntaxNodes } from '../util/syntax-nodes.js';

/**
 * Langium's folding ranges (a node over three lines or more; a block comment), found without
 * walking every token, and no more of them than the editor keeps. Langium's provider visited every
 * node and made a leaf for every token of the file to look for block comments: 350-470 ms and the
 * whole file's leaves kept, after every edit of a file of 10,000 people, for 20,000 ranges of which
 * VS Code keeps 5,000 (`rangeLimit`, its `editor.foldingMaximumRegions`). Top-level declarations
 * come first, then what is nested in them, then comments: what an editor keeps when there are too
 * many (it keeps the outermost). The ranges are those Langium gives, in line order
 * (tests/folding-ranges.test.ts compares them).
 */
export class MandateFoldingRangeProvider extends DefaultFoldingRangeProvider {
    /** What the editor said it keeps at most; none: all of them. */
    private rangeLimit = Number.POSITIVE_INFINITY;

    constructor(services: LangiumServices) {
        super(services);
        services.shared.lsp.LanguageServer?.onInitialize(params => this.limitTo(params.capabilities.textDocument?.foldingRange?.rangeLimit));
    }

    /** The editor's `rangeLimit` (its client capabilities): a whole number above 0, or nothing. */
    limitTo(rangeLimit: unknown): void {
        this.rangeLimit = typeof rangeLimit === 'number' && Number.isSafeInteger(rangeLimit) && rangeLimit > 0 ? rangeLimit : Number.POSITIVE_INFINITY;
    }

    override getFoldingRanges(document: LangiumDocument, _params: FoldingRangeParams): FoldingRange[] {
        const model = document.parseResult.value as Model;
        const nodes = syntaxNodes(model);
        const limit = this.rangeLimit;
        const ranges: FoldingRange[] = [];
        const add = (node: CstNode | undefined, kind?: string) => {
            const range = node && foldingRangeOf(document, node, kind);
            if (range) ranges.push(range);
        };
        for (let i = 1; i < nodes.length && ranges.length < limit; i++) if (nodes[i].$container === model) add(nodes[i].$cstNode);
        for (let i = 1; i < nodes.length && ranges.length < limit; i++) if (nodes[i].$container !== model) add(nodes[i].$cstNode);
        if (ranges.length < limit && model.$cstNode) {
            for (const leaf of commentLeaves(model.$cstNode)) {
                if (this.commentNames.includes(leaf.tokenType.name)) add(leaf, FoldingRangeKind.Comment);
            }
        }
        return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine).slice(0, limit);
    }
}

/**
 * Langium's `toFoldingRange` from the node's offsets, without the positions of its first and last
 * tokens as objects: a node of three lines or more, up to the line before a closing bracket.
 */
function foldingRangeOf(document: LangiumDocument, node: CstNode, kind: string | undefined): FoldingRange | undefined {
    const text = document.textDocument;
    const start = text.positionAt(node.offset);
    let end = text.positionAt(node.end);
    if (end.line - start.line < 2) return undefined;
    const last = kind === FoldingRangeKind.Comment ? '}' : text.getText().charAt(node.end - 1);
    if (last === '}' || last === ')' || last === ']') end = text.positionAt(text.offsetAt({ line: end.line, character: 0 }) - 1);
    return FoldingRange.create(start.line, end.line, start.character, end.character, kind);
}
