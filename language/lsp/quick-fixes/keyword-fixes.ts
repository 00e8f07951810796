import { here, quickFix, QuickFixTitles, type QuickFix } from './quick-fix.js';

/**
 * The syntax errors that name the keyword a word misspells, and the word and keyword in them
 * (mandate-parser-error-messages.ts, mandate-lexer-error-messages.ts): a declaration's first word
 * (`asign`), a line of a block (`evidance`), a keyword after another (`apointed`), an accented
 * keyword (`rôle`), an English word for one (`from` for `since`). Each message shows the word as found, so the fix checks it is the text it replaces.
 */
const NAMED_KEYWORD = [
    /^`([^`]+)` is not a keyword\. Did you mean `([^`]+)`\?$/,
    /has no `([^`]+)`\. Did you mean `([^`]+)`\?$/,
    /, but found `([^`]+)`\. Did you mean `([^`]+)`\?$/,
    /^`([^`]+)` is not a keyword: write `([^`]+)`\.$/,
    /^A period starts with `since`, not `([^`]+)`, as in `[^`]+`\. Did you mean `([^`]+)`\?$/
];

/** Replaces a misspelt keyword with the keyword its syntax error names. */
export const correctKeyword: QuickFix = context => {
    const { diagnostic, document } = context;
    const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
    for (const pattern of NAMED_KEYWORD) {
        const match = pattern.exec(message);
        if (!match) continue;
        const [, word, keyword] = match;
        if (document.textDocument.getText(diagnostic.range) !== word) return [];
        return [quickFix(context, QuickFixTitles.changeReference(word, keyword), here(context, { range: diagnostic.range, newText: keyword }), { preferred: true })];
    }
    return [];
};
