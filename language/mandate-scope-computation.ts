import { AstUtils, Cancellation, DefaultScopeComputation, MultiMap, type AstNode, type AstNodeDescription, type LangiumCoreServices, type LangiumDocument, type LocalSymbols } from 'langium';
import { noteExportSplice, splicedExports } from './statement-edit/spliced-exports.js';
import { spliceOf } from './statement-edit/splice-tree.js';
import { CancellationPoints } from './util/cancellation-points.js';

/**
 * Every named declaration is top-level and exported to the index, which is all the scope provider
 * reads; Langium's per-document copy of the same declarations ("local symbols") would only cost
 * time and memory.
 */
export class MandateScopeComputation extends DefaultScopeComputation {
    private readonly builder: Partial<ExportsBefore>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.builder = services.shared.workspace.DocumentBuilder as Partial<ExportsBefore>;
    }

    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }

    /**
     * Langium's: the file and its declarations, without an `await` per declaration (CancellationPoints).
     * A tree spliced from the last one (statement-edit/) keeps the descriptions of the declarations it
     * kept, so that the name tables are patched for the one statement parsed again (patchTable).
     */
    override async collectExportedSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<AstNodeDescription[]> {
        const root = document.parseResult.value;
        const before = spliceOf(root) && this.builder.exportsBefore?.(document.uri.toString());
        const spliced = before && splicedExports(root, before, node => {
            const described: AstNodeDescription[] = [];
            this.addExportedSymbol(node, described, document);
            return described[0];
        });
        if (spliced) {
            noteExportSplice(document, spliced);
            return spliced.exports as AstNodeDescription[];
        }
        const kept = this.keptDescriptions(document);
        const exports: AstNodeDescription[] = [];
        this.addExportedSymbol(root, exports, document);
        const points = new CancellationPoints(cancelToken);
        for (const node of AstUtils.streamContents(root)) {
            const pause = points.next();
            if (pause) await pause;
            const known = kept?.get(node);
            if (known && known.name === this.nameProvider.getName(node)) exports.push(known);
            else this.addExportedSymbol(node, exports, document);
        }
        return exports;
    }

    /** The descriptions the document's last tree exported, by node, when the tree is spliced from it: they describe the same nodes. */
    private keptDescriptions(document: LangiumDocument): ReadonlyMap<AstNode, AstNodeDescription> | undefined {
        if (!spliceOf(document.parseResult.value)) return undefined;
        const before = this.builder.exportsBefore?.(document.uri.toString());
        if (!before || before.length === 0) return undefined;
        const kept = new Map<AstNode, AstNodeDescription>();
        for (const description of before) if (description.node) kept.set(description.node, description);
        return kept;
    }
}

/** The document builder's record of what a document exported before the change under way (MandateDocumentBuilder). */
interface ExportsBefore {
    exportsBefore(uri: string): readonly AstNodeDescription[] | undefined;
}
