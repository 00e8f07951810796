import { DefaultLangiumDocuments, stream, type LangiumDocument, type LangiumSharedCoreServices, type Stream } from 'langium';
import type { MandateAddedSharedServices } from '../mandate-module.js';
import { isPolicyFile } from './workspace-files.js';

/** The parts of Langium's document trie (langium ~4.4, utils/uri-utils.ts) that change what `all` lists. */
interface DocumentTrie {
    all(): LangiumDocument[];
    insert(...args: unknown[]): void;
    delete(...args: unknown[]): void;
    clear(): void;
}

/**
 * The workspace's documents hold only policy files of the workspace (workspace-files.ts). Langium adds a
 * document for any URI a request names: "find references" in the left side of a git diff added
 * the `git:` copy, and the next build checked it as policy. Such a document is still parsed for
 * the request that asked, but it is not added, so it is never built, indexed or validated.
 *
 * `all` is asked several times per keystroke (the builder, the status, the workspace model), and
 * Langium's trie answers it by walking every folder and copying each level's list into its
 * parent's: the list is kept until a document is added or removed.
 */
export class MandateLangiumDocuments extends DefaultLangiumDocuments {
    private readonly settings: MandateAddedSharedServices['mandate']['Settings'];
    private readonly trie: DocumentTrie;
    private listed: readonly LangiumDocument[] | undefined;

    constructor(services: LangiumSharedCoreServices & MandateAddedSharedServices) {
        super(services);
        this.settings = services.mandate.Settings;
        this.trie = (this as unknown as { documentTrie: DocumentTrie }).documentTrie;
        for (const change of ['insert', 'delete', 'clear'] as const) {
            const original = this.trie[change].bind(this.trie) as (...args: unknown[]) => void;
            this.trie[change] = (...args: unknown[]) => {
                this.listed = undefined;
                original(...args);
            };
        }
    }

    override get all(): Stream<LangiumDocument> {
        this.listed ??= this.trie.all();
        return stream(this.listed);
    }

    override addDocument(document: LangiumDocument): void {
        if (isPolicyFile(document.uri, this.settings.workspaceRoots)) super.addDocument(document);
    }
}
