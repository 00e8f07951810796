/**
 * Escaping for GitHub-flavoured Markdown. A policy string is rendered as literal text wherever it
 * appears: it cannot open emphasis, code, a link or an image, cannot become raw HTML or an
 * entity, cannot end a table cell, cannot become a heading (it is never put at the start of a
 * line, and line breaks become spaces), and cannot be turned into a link by GitHub's or VS Code's
 * autolinking of URLs, e-mail addresses and bare domain names.
 */
import { oneLine } from './plain-text.js';

/** Markdown punctuation, written with a backslash. */
const PUNCTUATION = new Set(['\\', '`', '*', '_', '[', ']', '|', '~', '$', '#']);
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ALNUM = /[A-Za-z0-9]/;
const DIGIT = /[0-9]/;
/** Every character escapeMarkdown may change: PUNCTUATION, ENTITIES and the autolink characters. */
const SPECIAL = /[\\`*_[\]|~$#&<>:@.]/g;
/** The same characters, to test for: most strings (names, dates) have none and are returned as they are. */
const HAS_SPECIAL = /[\\`*_[\]|~$#&<>:@.]/;

/**
 * Whether a character would let an autolinker or GitHub's emoji shortcodes turn the text into
 * something else: the colon of `scheme:x` or `:shortcode:` (but not of `10:30` or `ISO27001:5.3`),
 * the `@` of an e-mail address, the dot of `name.tld`.
 */
function breaksAutolink(value: string, index: number): boolean {
    const before = value[index - 1] ?? ' ';
    const after = value[index + 1] ?? ' ';
    switch (value[index]) {
        case ':': return /[A-Za-z0-9+/-]/.test(after) && !(DIGIT.test(before) && DIGIT.test(after));
        case '@': return ALNUM.test(after);
        case '.': return /[A-Za-z0-9-]/.test(before) && /[A-Za-z]/.test(after);
        default: return false;
    }
}

/**
 * Backslash-escapes Markdown punctuation, writes `& < >` as entities, and (outside link text,
 * where links cannot nest) breaks the patterns autolinkers look for.
 */
export function escapeMarkdown(value: string, options: { readonly linkText?: boolean } = {}): string {
    const line = oneLine(value);
    if (!HAS_SPECIAL.test(line)) return line;
    // One pass over the characters that may need it; a report escapes a few hundred thousand strings.
    return line.replace(SPECIAL, (char: string, index: number) => {
        if (PUNCTUATION.has(char)) return `\\${char}`;
        if (ENTITIES[char]) return ENTITIES[char];
        return !options.linkText && breaksAutolink(line, index) ? `\\${char}` : char;
    });
}

/** Characters that are safe inside a code span in a table cell, with no escaping. */
const CODE_SAFE = /^[A-Za-z0-9_.:/()+\- ]+$/;

/** A code span when the value is plain enough to need no escaping; otherwise escaped text. */
export function markdownCode(value: string): string {
    const line = oneLine(value);
    return CODE_SAFE.test(line) && line.trim() === line ? `\`${line}\`` : escapeMarkdown(line);
}

/** GitHub's heading anchor for headings whose text we write ourselves: `2. The auditor's four questions` -> `2-the-auditors-four-questions`. */
export function githubSlug(heading: string): string {
    return heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}
