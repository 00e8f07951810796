import type { TokenType } from 'chevrotain';
import type { TokenList } from './mandate-token-list.js';

/**
 * Lookahead for the predictive parser (mandate-predictive-parser.ts): at each choice of the grammar,
 * which alternative the next tokens start. Chevrotain decides the same from the same grammar; this
 * module only has to agree with it on files without syntax errors, and says "ambiguous" wherever
 * the grammar lets two alternatives start alike (a name may be one of the keywords that names
 * allow), so that the parser hands such a file to Chevrotain.
 */

/** One position of a lookahead path: the indices of the token types that may stand there. */
export type Column = ReadonlySet<number>;
/** The first tokens of one way through a part of the grammar; shorter than k when that way ends sooner. */
export type Path = readonly Column[];

/** The most tokens a decision looks at; the Mandate grammar needs four (`expect who may appoint`). */
export const MAX_LOOKAHEAD = 4;

/** Thrown while compiling a grammar the predictive parser does not handle; the parser then stays off. */
export class UnsupportedGrammar extends Error {}

/** The token indices a `consume` of `type` accepts: the type itself and, for a category, its members. */
export function acceptedBy(type: TokenType): Column {
    const accepted = new Set<number>([type.tokenTypeIdx!]);
    if (type.isParent) for (const member of type.categoryMatches ?? []) accepted.add(member);
    return accepted;
}

/** Paths of `a` followed by paths of `b`, cut at k tokens; each path once. */
export function concatenate(a: readonly Path[], b: readonly Path[], k: number): Path[] {
    const result = new PathSet();
    for (const first of a) {
        if (first.length >= k) result.add(first);
        else for (const second of b) result.add([...first, ...second].slice(0, k));
    }
    return result.paths;
}

/** A list of paths without repeats (columns are compared by identity: each token step owns one). */
export class PathSet {
    readonly paths: Path[] = [];
    private readonly keys = new Set<string>();

    add(path: Path): void {
        const key = path.map(columnId).join(',');
        if (this.keys.has(key)) return;
        this.keys.add(key);
        this.paths.push(path);
    }

    addAll(paths: readonly Path[]): void {
        for (const path of paths) this.add(path);
    }
}

const columnIds = new WeakMap<Column, number>();
let nextColumnId = 0;

function columnId(column: Column): number {
    let id = columnIds.get(column);
    if (id === undefined) columnIds.set(column, id = nextColumnId++);
    return id;
}

/** Whether some token sequence can start both paths (as far as the shorter one goes). */
function overlap(a: Path, b: Path): boolean {
    const length = Math.min(a.length, b.length);
    for (let index = 0; index < length; index++) {
        let shared = false;
        for (const type of a[index]) if (b[index].has(type)) { shared = true; break; }
        if (!shared) return false;
    }
    return true;
}

/** Whether one of `paths` fits the tokens from `position` on (a loop: this runs for every decision, and a callback would be garbage). */
function anyMatches(paths: readonly Path[], tokens: TokenList, position: number): boolean {
    for (let index = 0; index < paths.length; index++) if (matches(paths[index], tokens, position)) return true;
    return false;
}

function matches(path: Path, tokens: TokenList, position: number): boolean {
    for (let index = 0; index < path.length; index++) {
        const at = position + index;
        if (at >= tokens.count || !path[index].has(tokens.types[at])) return false;
    }
    return true;
}

/** What `Decision.choose` answers when no alternative starts here. */
export const NONE = -1;
/** What `Decision.choose` answers when more than one does and the tokens cannot settle which: the parser gives the file to Chevrotain. */
export const AMBIGUOUS = -2;

interface Candidate {
    readonly alternative: number;
    readonly paths: readonly Path[];
}

/**
 * One choice between alternatives, decided on the next k tokens, the smallest k (up to
 * MAX_LOOKAHEAD) that tells the alternatives apart; where none does, the tokens decide whenever
 * only one alternative fits them.
 */
export class Decision {
    /** Per token index, the alternatives that may start with it, with their paths that do. */
    private readonly byFirst = new Map<number, Candidate[]>();
    private readonly exact: boolean;
    /** How many tokens the paths look at; a shorter path is an alternative that ends there. */
    private readonly k: number;

    /** `pathsOf(alternative, k)`: the alternative's paths of up to k tokens. */
    constructor(alternatives: number, pathsOf: (alternative: number, k: number) => readonly Path[]) {
        let k = 1;
        let paths = range(alternatives).map(alternative => pathsOf(alternative, k));
        while (conflicting(paths) && k < MAX_LOOKAHEAD) {
            k++;
            paths = range(alternatives).map(alternative => pathsOf(alternative, k));
        }
        this.exact = k === 1 && !conflicting(paths);
        this.k = k;
        for (let alternative = 0; alternative < alternatives; alternative++) {
            const starting = new Map<number, Path[]>();
            for (const path of paths[alternative]) {
                if (path.length === 0) throw new UnsupportedGrammar('an alternative that reads no token');
                for (const type of path[0]) {
                    const list = starting.get(type);
                    if (list) list.push(path);
                    else starting.set(type, [path]);
                }
            }
            for (const [type, list] of starting) {
                const candidates = this.byFirst.get(type);
                const candidate = { alternative, paths: list };
                if (candidates) candidates.push(candidate);
                else this.byFirst.set(type, [candidate]);
            }
        }
    }

    /** The alternative the tokens from `position` on start, NONE or AMBIGUOUS. */
    choose(tokens: TokenList, position: number): number {
        if (position >= tokens.count) return NONE;
        const candidates = this.byFirst.get(tokens.types[position]);
        if (candidates === undefined) return NONE;
        if (this.exact) return candidates[0].alternative;
        let chosen = NONE;
        for (const candidate of candidates) {
            if (!anyMatches(candidate.paths, tokens, position)) continue;
            if (chosen !== NONE) return this.tie(candidates, tokens, position);
            chosen = candidate.alternative;
        }
        return chosen;
    }

    /**
     * Several alternatives fit the tokens. When each reads exactly the same tokens and ends there
     * (`audience everyone`: the keyword, or a role named `everyone`), nothing after them can tell
     * them apart, and Chevrotain's ALL(*) lookahead takes the first (`min(reach.alts)` in
     * chevrotain-allstar); so does this. Otherwise Chevrotain decides.
     */
    private tie(candidates: readonly Candidate[], tokens: TokenList, position: number): number {
        let chosen = NONE;
        let length = NO_FIT;
        for (const candidate of candidates) {
            const fitted = this.fit(candidate.paths, tokens, position);
            if (fitted === NO_FIT) continue;
            if (fitted === OPEN || (chosen !== NONE && fitted !== length)) return AMBIGUOUS;
            if (chosen === NONE) {
                chosen = candidate.alternative;
                length = fitted;
            }
        }
        return chosen;
    }

    /** The length of the alternative's paths that fit, when they all end within k tokens and alike; NO_FIT or OPEN. */
    private fit(paths: readonly Path[], tokens: TokenList, position: number): number {
        let fitted = NO_FIT;
        for (const path of paths) {
            if (!matches(path, tokens, position)) continue;
            if (path.length >= this.k || (fitted !== NO_FIT && fitted !== path.length)) return OPEN;
            fitted = path.length;
        }
        return fitted;
    }
}

/** What `fit` answers for an alternative no path of which fits, and for one that may read on past them or fits in two ways. */
const NO_FIT = -1;
const OPEN = -2;

function range(count: number): number[] {
    return Array.from({ length: count }, (_, index) => index);
}

/** Whether two alternatives have paths that some tokens fit both. */
function conflicting(paths: ReadonlyArray<readonly Path[]>): boolean {
    for (let a = 0; a < paths.length; a++) {
        for (let b = a + 1; b < paths.length; b++) {
            if (paths[a].some(left => paths[b].some(right => overlap(left, right)))) return true;
        }
    }
    return false;
}
