import { DocumentState, type AstNodeDescription, type IndexManager } from 'langium';
import type { LangiumSharedServices, WorkspaceSymbolProvider } from 'langium/lsp';
import { CancellationToken, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { DECLARATION_NOUNS, symbolKindOf } from './symbol-kinds.js';

/** At most this many symbols per query: VS Code shows a short list, and sorts and filters it again itself. */
export const MAX_WORKSPACE_SYMBOLS = 500;

interface Entry {
    readonly description: AstNodeDescription;
    readonly title: string;
    /** `ciso chief information security officer`: what a query is matched against. */
    readonly haystack: string;
    readonly id: string;
    /** The title in lower case without accents (`Inês` → `ines`), as people type it. */
    readonly folded: string;
}

/**
 * Workspace symbols ("Go to Symbol in Workspace", `#` in the quick open) for every named
 * declaration, matched against its ID and its title: `Chief` finds the CISO role.
 *
 * The entries come from Langium's index (the exported declarations), flattened once per index
 * state and rebuilt when a build changes it; a query is one pass over that list, with no AST walk,
 * so typing in a 100,000-line workspace stays a few milliseconds per keystroke.
 *
 * VS Code filters workspace symbols by their *name* with its own fuzzy match, so the name carries
 * the title as well as the ID (`ciso — Chief Information Security Officer`); the container name
 * says what kind of declaration it is.
 */
export class MandateWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    private readonly indexManager: IndexManager;
    private entries: Entry[] | undefined;
    /** How many times the list was flattened from the index; tests use it to prove one pass per build. */
    listsBuilt = 0;

    constructor(shared: LangiumSharedServices) {
        this.indexManager = shared.workspace.IndexManager;
        const builder = shared.workspace.DocumentBuilder;
        builder.onUpdate(() => { this.entries = undefined; });
        builder.onBuildPhase(DocumentState.IndexedContent, () => { this.entries = undefined; });
    }

    getSymbols(params: WorkspaceSymbolParams, cancelToken = CancellationToken.None): WorkspaceSymbol[] {
        const query = typeof params.query === 'string' ? params.query.toLowerCase().replace(/\s+/g, ' ').trim() : '';
        const matches: Array<{ entry: Entry, rank: number }> = [];
        for (const entry of this.allEntries()) {
            const rank = rankOf(query, entry);
            if (rank !== undefined) matches.push({ entry, rank });
        }
        if (cancelToken.isCancellationRequested) return [];
        matches.sort((a, b) => a.rank - b.rank || compare(a.entry.id, b.entry.id));
        return matches.slice(0, MAX_WORKSPACE_SYMBOLS).map(({ entry }) => toSymbol(entry));
    }

    private allEntries(): Entry[] {
        if (!this.entries) {
            this.entries = [];
            this.listsBuilt++;
            for (const description of this.indexManager.allElements()) {
                if (!DECLARATION_NOUNS[description.type]) continue;
                const title = titleOf(description);
                const folded = foldTitle(title);
                this.entries.push({ description, title, id: description.name.toLowerCase(), folded, haystack: `${description.name.toLowerCase()} ${folded}` });
            }
        }
        return this.entries;
    }
}

function titleOf(description: AstNodeDescription): string {
    const title = (description.node as { title?: unknown } | undefined)?.title;
    return typeof title === 'string' ? title : '';
}

/**
 * How well the query matches, lower is better, or undefined for no match: the exact ID, an ID
 * that starts with it, a word of the ID or title that starts with it, text that contains it,
 * and last its characters in order (a subsequence, like VS Code's fuzzy match: `isrep` finds `isms-reporting`),
 * in the ID, then in the title, then only across both: `prinair` finds `priya-nair` before a name whose
 * ID and title together happen to hold those letters.
 */
function rankOf(query: string, entry: Entry): number | undefined {
    if (query === '') return 4;
    if (entry.id === query) return 0;
    if (entry.id.startsWith(query)) return 1;
    const at = entry.haystack.indexOf(query);
    if (at >= 0) return at === 0 || /[\s\-_]/.test(entry.haystack[at - 1]) ? 2 : 3;
    if (isSubsequence(query, entry.id)) return 4;
    if (isSubsequence(query, entry.folded)) return 5;
    return isSubsequence(query, entry.haystack) ? 6 : undefined;
}

/** Lower case without combining marks: `Inês Duarte` → `ines duarte`. */
function foldTitle(title: string): string {
    return title.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

function isSubsequence(query: string, text: string): boolean {
    let next = 0;
    for (let i = 0; i < text.length && next < query.length; i++) {
        if (text[i] === query[next]) next++;
        else if (query[next] === ' ') next++; // a space in the query separates words, in any spacing
    }
    return next === query.length;
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

function toSymbol(entry: Entry): WorkspaceSymbol {
    const { description, title } = entry;
    const segment = description.nameSegment;
    return {
        name: title ? `${description.name} — ${title}` : description.name,
        kind: symbolKindOf(description.type),
        containerName: DECLARATION_NOUNS[description.type],
        location: {
            uri: description.documentUri.toString(),
            range: segment?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }
        }
    };
}
