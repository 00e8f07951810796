/**
 * Finds the names of declared people in free text and replaces them, in one pass. A report of a
 * 10,000-person import holds ten thousands of strings, so matching is by word token through an
 * index, not one huge regular expression tried at every position.
 */

const WORD = /[\p{L}\p{N}_]+/gu;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

export interface NameTerm {
    /** The text to find, as declared. */
    readonly text: string;
    readonly replacement: string;
    /**
     * Case-sensitive terms are single name parts ("Martin"): matched as written in prose, so the
     * word "will" survives a person called Will, and in any case inside paths, where names are
     * often lower-cased (`evidence/martin-ack.pdf`).
     */
    readonly exact?: boolean;
}

interface IndexedTerm {
    readonly lower: string;
    readonly text: string;
    readonly replacement: string;
    readonly exact: boolean;
    /** Offset of the term's first word token within the term. */
    readonly lead: number;
    readonly startsWithWord: boolean;
    readonly endsWithWord: boolean;
}

/** A string without white space that contains a slash or a dot: a file path, an e-mail address, a URL. */
function pathLike(value: string): boolean {
    return !/\s/u.test(value) && /[/.]/u.test(value);
}

export class NameMatcher {
    private readonly byFirstToken = new Map<string, IndexedTerm[]>();

    constructor(terms: readonly NameTerm[]) {
        for (const term of terms) {
            const first = new RegExp(WORD.source, 'u').exec(term.text);
            if (!first) continue; // only punctuation: nothing that names anyone
            const key = first[0].toLowerCase();
            const indexed: IndexedTerm = {
                lower: term.text.toLowerCase(), text: term.text, replacement: term.replacement, exact: term.exact ?? false,
                lead: first.index, startsWithWord: WORD_CHAR.test(term.text[0]), endsWithWord: WORD_CHAR.test(term.text.at(-1) ?? '')
            };
            const list = this.byFirstToken.get(key) ?? [];
            list.push(indexed);
            this.byFirstToken.set(key, list);
        }
        // The longest term wins: "Alice Martin" before "Alice".
        for (const list of this.byFirstToken.values()) list.sort((a, b) => b.text.length - a.text.length);
    }

    replace(value: string): string {
        const path = pathLike(value);
        let result = '';
        let done = 0;
        for (const token of value.matchAll(WORD)) {
            const position = token.index;
            if (position < done) continue;
            const candidates = this.byFirstToken.get(token[0].toLowerCase());
            if (!candidates) continue;
            for (const term of candidates) {
                const start = position - term.lead;
                if (start < done) continue;
                const end = start + term.text.length;
                const found = value.slice(start, end);
                if (found.toLowerCase() !== term.lower) continue;
                if (term.exact && !path && found !== term.text) continue;
                if (term.startsWithWord && start > 0 && WORD_CHAR.test(value[start - 1])) continue;
                if (term.endsWithWord && end < value.length && WORD_CHAR.test(value[end])) continue;
                result += value.slice(done, start) + term.replacement;
                done = end;
                break;
            }
        }
        return done === 0 ? value : result + value.slice(done);
    }
}
