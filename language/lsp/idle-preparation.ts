import { DocumentState, type LangiumDocument, type LangiumSharedCoreServices, type Reference } from 'langium';
import { referencesByName } from '../statement-edit/references-by-name.js';
import { statementReparse } from '../statement-edit/statement-reparse.js';
import { semanticFingerprint } from '../workspace/semantic-fingerprint.js';
import { declarationsOf } from '../workspace/declaration-index.js';
import { DeclaredNames } from '../workspace/declared-names.js';
import type { Model } from '../generated/ast.js';

/**
 * Once a build has parsed a large file whole, works out the fingerprint of its tree (what the
 * workspace findings compare the next tree with: workspace/semantic-fingerprint.ts) while the
 * server is idle, instead of in the first keystroke after it: a walk of the 300,000 nodes of a file
 * of 10,000 people, ~250 ms of that keystroke. Later edits of such a file get their fingerprint from
 * the token typed (`afterEdit`); nothing is done for a tree whose fingerprint is known, or that a
 * newer edit has replaced by then. Its references are indexed by name then too (references-by-name.ts:
 * a pass over 130,000 references), which later keystrokes carry from list to list, and the places of
 * its names among its declarations, which they share (workspace/declared-names.ts).
 */
export function prepareLargeTreesAtIdle(shared: LangiumSharedCoreServices): void {
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, built => {
        const large = built.filter(isLarge).map(document => ({ document, parseResult: document.parseResult }));
        if (large.length === 0) return;
        setImmediate(() => {
            for (const { document, parseResult } of large) {
                if (document.parseResult !== parseResult || document.state !== DocumentState.Validated) continue;
                semanticFingerprint(parseResult);
                referencesByName(document.references as Reference[]);
                const names = declarationsOf(parseResult.value as Model).declarationsByName;
                if (names instanceof DeclaredNames) names.placeNames();
            }
        });
    });
}

function isLarge(document: LangiumDocument): boolean {
    return (document.parseResult.value.$cstNode?.root.fullText.length ?? 0) >= statementReparse.minLength;
}
