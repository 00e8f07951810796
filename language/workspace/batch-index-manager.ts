import { type AstNode, type LangiumDocument, type ReferenceDescription, type Stream } from 'langium';
import { MandateIndexManager } from './mandate-index-manager.js';

/**
 * The index of a one-shot run (a CLI command, a policy-test run, a what-if copy): exported names
 * only. Langium also records every reference of every document so that an editor can find
 * references and rename; nothing in a batch run asks for them, and at 100,000 lines recording
 * them costs a tenth of the memory and a twentieth of the time of a check. The engine decides
 * what to relink from the documents' own references (export-changes.ts), not from this index.
 */
export class BatchIndexManager extends MandateIndexManager {
    override async updateReferences(_document: LangiumDocument): Promise<void> {
        // Nothing to record: see the class comment.
    }

    /** Never asked in a batch run; failing loudly beats answering "no references". */
    override findAllReferences(_targetNode: AstNode, _astNodePath: string): Stream<ReferenceDescription> {
        throw new Error('a batch run keeps no reference index: find references in the language server');
    }
}
