import { DocumentState, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { statementReparse } from '../statement-edit/statement-reparse.js';
import { semanticFingerprint } from '../workspace/semantic-fingerprint.js';

/**
 * Once a build has parsed a large file whole, works out the fingerprint of its tree (what the
 * workspace findings compare the next tree with: workspace/semantic-fingerprint.ts) while the
 * server is idle, instead of in the first keystroke after it: a walk of the 300,000 nodes of a file
 * of 10,000 people, ~250 ms of that keystroke. Later edits of such a file get their fingerprint from
 * the token typed (`afterEdit`); nothing is done for a tree whose fingerprint is known, or that a
 * newer edit has replaced by then.
 */
export function fingerprintLargeTreesAtIdle(shared: LangiumSharedCoreServices): void {
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, built => {
        const large = built.filter(isLarge).map(document => ({ document, parseResult: document.parseResult }));
        if (large.length === 0) return;
        setImmediate(() => {
            for (const { document, parseResult } of large) {
                if (document.parseResult === parseResult && document.state === DocumentState.Validated) semanticFingerprint(parseResult);
            }
        });
    });
}

function isLarge(document: LangiumDocument): boolean {
    return (document.parseResult.value.$cstNode?.root.fullText.length ?? 0) >= statementReparse.minLength;
}
