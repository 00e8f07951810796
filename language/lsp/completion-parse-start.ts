/**
 * Where the completion parser may start instead of the start of the file. Langium parses the
 * whole text before the cursor for each completion context (two or three per request), which in
 * a file of 10,000 imported people is most of a keystroke's time. The entry rule is a list of
 * top-level statements (`Model: (declarations+=Declaration | tests+=PolicyTest)*`), so where one
 * of them starts the parser is in the same state as at the start of the file.
 */
import type { CstNode, LangiumDocument } from 'langium';

/**
 * The start offset of the last top-level statement that starts before `offset`, or 0. The
 * statement itself is parsed again: right after its end, the cursor may still continue it (an
 * optional `{ … }` block). Only statements before the document's first syntax error count: error
 * recovery leaves the parser in another state than a fresh start. A document whose tree was built
 * from another text than `text` starts at 0.
 */
export function completionParseStart(document: LangiumDocument | undefined, text: string, offset: number): number {
    const root = document?.parseResult.value.$cstNode;
    if (!document || !root || root.root.fullText !== text) return 0;
    let limit = offset;
    for (const error of document.parseResult.lexerErrors) limit = Math.min(limit, error.offset);
    for (const error of document.parseResult.parserErrors) {
        const at = error.token.startOffset;
        // A parser error at the end of the input has no offset (NaN, or -1 for the end-of-file token): it lies after everything.
        if (Number.isFinite(at) && at >= 0) limit = Math.min(limit, at);
    }
    const content = (root as CstNode & { readonly content?: readonly CstNode[] }).content ?? [];
    // The last child that starts before the limit (children are in text order), then back to a statement.
    let low = 0;
    let high = content.length - 1;
    let found = -1;
    while (low <= high) {
        const middle = (low + high) >> 1;
        if (content[middle].offset < limit) {
            found = middle;
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    // Comments are hidden nodes; a keyword of the entry rule itself would belong to the root's node.
    while (found >= 0 && (content[found].hidden || content[found].astNode === root.astNode)) found--;
    return found < 0 ? 0 : content[found].offset;
}

/**
 * Where the text lexed for the tokens around `offset` may end: the start of the first top-level
 * statement (or comment) at or after it, which is a token boundary, or the end of the text. Langium
 * lexed from there to the end of the file: 3 MB in the middle of a file of 10,000 people, ~300 ms
 * of every completion request there. A document whose tree was built from another text ends at
 * the end of the text.
 */
export function completionLexEnd(document: LangiumDocument | undefined, text: string, offset: number): number {
    const root = document?.parseResult.value.$cstNode;
    if (!document || !root || root.root.fullText !== text) return text.length;
    const content = (root as CstNode & { readonly content?: readonly CstNode[] }).content ?? [];
    let low = 0;
    let high = content.length;
    while (low < high) {
        const middle = (low + high) >> 1;
        if (content[middle].offset < offset) low = middle + 1;
        else high = middle;
    }
    return low < content.length ? content[low].offset : text.length;
}
