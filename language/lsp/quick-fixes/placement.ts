/**
 * Where a quick fix puts a new declaration: in the file where declarations of its kind already
 * live (the one holding most of them, e.g. roles.mandate for a role), not wherever the finding
 * happens to be. Without any declaration of the kind, the file the fix was asked in.
 */
import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver-types';
import type { WorkspaceModel } from '../../workspace/workspace-model.js';
import type { Changes, QuickFixContext } from './quick-fix.js';
import { appendDeclaration } from './text-edits.js';

/** The kinds of declaration a quick fix may create. */
export type DeclarationKind = 'Person' | 'Role' | 'Responsibility' | 'Authority' | 'Training' | 'AppointingBody';

function declarationsOf(model: WorkspaceModel, kind: DeclarationKind): readonly AstNode[] {
    switch (kind) {
        case 'Person': return model.persons;
        case 'Role': return model.roles;
        case 'Responsibility': return model.responsibilities;
        case 'Authority': return model.authorities;
        case 'Training': return model.trainings;
        case 'AppointingBody': return model.appointingBodies;
    }
}

/**
 * The document holding most declarations of `kind`; on a tie the document the fix was asked in,
 * if it is one of them, else the first by path (the model's order).
 */
export function homeOf(model: WorkspaceModel, kind: DeclarationKind, asked: LangiumDocument): LangiumDocument {
    const counts = new Map<LangiumDocument, number>();
    for (const node of declarationsOf(model, kind)) {
        const document = AstUtils.getDocument(node);
        counts.set(document, (counts.get(document) ?? 0) + 1);
    }
    let best: LangiumDocument | undefined;
    let most = 0;
    const askedUri = asked.uri.toString();
    for (const [document, count] of counts) {
        if (count > most || (count === most && document.uri.toString() === askedUri)) {
            best = document;
            most = count;
        }
    }
    return best ?? asked;
}

/** The edit that appends a declaration of `kind` to its home, as changes by document. */
export function appendToHome(context: QuickFixContext, kind: DeclarationKind, lines: readonly string[]): Changes {
    const home = homeOf(context.services.shared.mandate.WorkspaceModel.get(), kind, context.document);
    return { [home.textDocument.uri]: [appendDeclaration(home.textDocument, lines)] };
}

/** Changes of several edits merged by document, in order. */
export function mergeChanges(...all: Changes[]): Changes {
    const merged: Record<string, TextEdit[]> = {};
    for (const changes of all) {
        for (const [uri, edits] of Object.entries(changes)) (merged[uri] ??= []).push(...edits);
    }
    return merged;
}
