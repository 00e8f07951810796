/**
 * Finds the names of declared people in free text and replaces them, in one pass. A report of a
 * 10,000-person import holds ten thousands of strings, so matching is by word token through an
 * index, not one huge regular expression tried at every position.
 */

// Combining marks belong to their word: `José` written decomposed (as macOS names files) is one word.
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}_]/u;
/**
 * The words of a path inside a word token: `_` separates them, and so does a capital after a
 * small letter, so `Jane_Doe_letter.pdf` and `JaneDoe.pdf` hold the words Jane and Doe.
 */
const PATH_PART = /\p{Lu}?[^\p{Lu}_]+|\p{Lu}+(?![^\p{Lu}_])/gu;

export interface NameTerm {
    /** The text to find, as declared. */
    readonly text: string;
    readonly replacement: string;
    /** What replaces it inside a path, where a title's space would not belong: the pseudonym's ID. Default: `replacement`. */
    readonly pathReplacement?: string;
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
    readonly pathReplacement: string;
    readonly exact: boolean;
    /** Offset of the term's first word token within the term. */
    readonly lead: number;
    readonly startsWithWord: boolean;
    readonly endsWithWord: boolean;
}

/** A piece without white space that contains a slash or a dot: a file path, an e-mail address, a URL. */
function pathLike(piece: string): boolean {
    return /[/.]/u.test(piece);
}

/** The same text without accents, and decomposed: `José` is also written `Jose`, and `Jose` + U+0301. */
function variants(text: string): string[] {
    const decomposed = text.normalize('NFD');
    return [...new Set([text, text.normalize('NFC'), decomposed, decomposed.replace(/\p{M}+/gu, '')])];
}

export class NameMatcher {
    private readonly byFirstToken = new Map<string, IndexedTerm[]>();

    /**
     * `identifiers`: the IDs the policy declares (roles, duties, programmes…). One written after a
     * person, `doe-office`, names them as a file name does, so it is matched as a path is: name
     * parts in any case, replaced by the pseudonym's ID (`person-3-office`). Prose keeps its
     * lower-case words (`long-term`) unless a declaration is called that.
     */
    constructor(terms: readonly NameTerm[], private readonly identifiers: ReadonlySet<string> = new Set()) {
        for (const term of terms) {
            // A name part as written, and in capitals (`SIOBHÁN` in a signature block): prose is matched as written.
            const texts = term.exact ? [...variants(term.text), ...variants(term.text.toUpperCase())] : variants(term.text);
            for (const text of new Set(texts)) this.index({ ...term, text });
        }
        // The longest term wins: "Alice Martin" before "Alice".
        for (const list of this.byFirstToken.values()) list.sort((a, b) => b.text.length - a.text.length);
    }

    private index(term: NameTerm): void {
        const first = new RegExp(WORD.source, 'u').exec(term.text);
        if (!first) return; // only punctuation: nothing that names anyone
        const indexed: IndexedTerm = {
            lower: term.text.toLowerCase(), text: term.text, replacement: term.replacement, pathReplacement: term.pathReplacement ?? term.replacement,
            exact: term.exact ?? false, lead: first.index, startsWithWord: WORD_CHAR.test(term.text[0]), endsWithWord: WORD_CHAR.test(term.text.at(-1) ?? '')
        };
        // Indexed by its first word, and by the first word of that word in a path (`jane` of `jane_doe`).
        const keys = new Set([first[0].toLowerCase(), ...[...first[0].matchAll(PATH_PART)].slice(0, 1).map(part => part[0].toLowerCase())]);
        for (const key of keys) {
            const list = this.byFirstToken.get(key) ?? [];
            list.push(indexed);
            this.byFirstToken.set(key, list);
        }
    }

    replace(value: string): string {
        const pieces = pathPieces(value, this.identifiers);
        let result = '';
        let done = 0;
        for (const token of candidates(value, pieces)) {
            if (token.index < done) continue;
            const matches = this.byFirstToken.get(token.key);
            if (!matches) continue;
            const path = pieces.isPath(token.index);
            for (const term of matches) {
                const start = token.index - term.lead;
                if (start < done || start < 0) continue;
                const end = start + term.text.length;
                const found = value.slice(start, end);
                if (found.toLowerCase() !== term.lower) continue;
                if (term.exact && !path && found !== term.text) continue;
                if (term.startsWithWord && !pieces.startsWord(start, path)) continue;
                if (term.endsWithWord && !pieces.endsWord(end, path)) continue;
                result += value.slice(done, start) + (path ? term.pathReplacement : term.replacement);
                done = end;
                break;
            }
        }
        return done === 0 ? value : result + value.slice(done);
    }
}

/** Where the words of `value` start: its word tokens, and inside path pieces the path words too, in order. */
function candidates(value: string, pieces: PathPieces): Array<{ index: number; key: string }> {
    const found: Array<{ index: number; key: string }> = [];
    for (const token of value.matchAll(WORD)) {
        found.push({ index: token.index, key: token[0].toLowerCase() });
        if (!pieces.isPath(token.index)) continue;
        for (const part of token[0].matchAll(PATH_PART)) {
            if (part.index > 0 || part[0] !== token[0]) found.push({ index: token.index + part.index, key: part[0].toLowerCase() });
        }
    }
    return found.sort((a, b) => a.index - b.index);
}

interface PathPieces {
    isPath(index: number): boolean;
    startsWord(index: number, path: boolean): boolean;
    endsWord(index: number, path: boolean): boolean;
}

/** Quotes and punctuation around an ID in a message: `'doe-office'`, `` `doe-office` ``, `(doe-office),`. */
const AROUND_ID = /^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu;

/** The white-space separated pieces of `value` that look like paths or are declared IDs, and where words begin and end in them. */
function pathPieces(value: string, identifiers: ReadonlySet<string>): PathPieces {
    const paths: Array<[number, number]> = [];
    for (const piece of value.matchAll(/\S+/gu)) {
        if (pathLike(piece[0]) || (identifiers.size > 0 && identifiers.has(piece[0].replace(AROUND_ID, '')))) paths.push([piece.index, piece.index + piece[0].length]);
    }
    const isPath = (index: number) => paths.some(([start, end]) => index >= start && index < end);
    const isUpper = (char: string | undefined) => char !== undefined && /\p{Lu}/u.test(char);
    const isLower = (char: string | undefined) => char !== undefined && /[\p{Ll}\p{M}]/u.test(char);
    const pathBoundary = (before: string | undefined, after: string | undefined) => before === '_' || after === '_' || (isLower(before) && isUpper(after));
    return {
        isPath,
        startsWord: (index, path) => index === 0 || !WORD_CHAR.test(value[index - 1]) || (path && pathBoundary(value[index - 1], value[index])),
        endsWord: (index, path) => index >= value.length || !WORD_CHAR.test(value[index]) || (path && pathBoundary(value[index - 1], value[index]))
    };
}
