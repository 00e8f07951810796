import type { AstNode, LangiumDocument } from 'langium';

/**
 * A document as a computation read it: its syntax tree and what its references resolved to. A
 * relink gives the document a new list of references; a parse, a new tree. Results carried from one
 * workspace snapshot to the next (training-groups.ts, document-shares.ts) hold while every
 * document they read is still what it was.
 */
export interface Source {
    readonly document: LangiumDocument;
    readonly root: unknown;
    readonly references: unknown;
}

export function sourceOf(document: LangiumDocument): Source {
    return { document, root: document.parseResult.value, references: document.references };
}

/** Whether the document is still in the workspace (`current`) with the tree and the references it had when read. */
export function isUnchanged(source: Source, current: ReadonlySet<LangiumDocument>): boolean {
    return current.has(source.document) && source.document.parseResult.value === source.root && source.document.references === source.references;
}

/** The document that holds a node: the `$document` of its tree's root. */
export function documentOf(node: AstNode): LangiumDocument | undefined {
    let current = node;
    while (current.$container) current = current.$container;
    return current.$document;
}

/** What a computation over declarations is told of the nodes of other documents it reads. */
export interface Reads {
    read(node: AstNode): void;
}

/** For a computation over the whole workspace at once, which nothing is carried from: nothing to record. */
export const UNRECORDED: Reads = { read: () => undefined };

/**
 * Records the documents a computation reads, its own first: `read` a node reached through a
 * reference (or an index of the whole workspace) whenever what it says goes into the result.
 */
export class SourceRecorder implements Reads {
    private readonly sources = new Map<LangiumDocument, Source>();

    constructor(home: LangiumDocument | undefined, private readonly root: AstNode) {
        if (home) this.sources.set(home, sourceOf(home));
    }

    /** The root of the document last read: reads come in runs from one file (the organization's). */
    private lastRoot: AstNode | undefined;

    read(node: AstNode): void {
        const container = node.$container;
        if (container === this.root || (container !== undefined && container === this.lastRoot)) return; // read already
        const document = documentOf(node);
        if (!document) return;
        if (!this.sources.has(document)) this.sources.set(document, sourceOf(document));
        this.lastRoot = document.parseResult.value;
    }

    get all(): Source[] {
        return [...this.sources.values()];
    }
}

/** The sources read now, then those of an earlier result it carries that are not among them. */
export function withSources(now: readonly Source[], before: readonly Source[]): Source[] {
    const documents = new Set(now.map(source => source.document));
    return [...now, ...before.filter(source => !documents.has(source.document))];
}
