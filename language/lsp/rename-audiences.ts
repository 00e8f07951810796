/**
 * Announcement audiences for rename and navigation. `announced DATE via email to board` names the
 * role `board` (its holders), but the audience is open-ended (`all-staff`, `"IT Operations"`) and
 * so is no cross-reference: Langium's references never find it. An audience written as a name
 * names the declaration of that name, if there is one; one written in quotes is text, like a title.
 */
import { type AstNode, type CstNode, type IndexManager, type LangiumDocuments } from 'langium';
import { isAnnouncement, isAssignment, isModel, type Announcement } from '../generated/ast.js';
import { audienceName } from '../workspace/announcement-audience.js';
import { DECLARATION_NOUNS } from './symbol-kinds.js';

export interface AudienceName {
    readonly announcement: Announcement;
    /** The audience as written, a name. */
    readonly node: CstNode;
}

export { audienceName };

/** Every audience in the workspace written as `name`, in document order. */
export function* audiencesNamed(documents: LangiumDocuments, name: string): Generator<AudienceName> {
    for (const document of documents.all) yield* audiencesIn(document.parseResult.value, name);
}

/**
 * The audiences of one document written as `name`, in document order. Reads the syntax tree of
 * that document only, and the text of an audience only when its value is `name`.
 */
export function* audiencesIn(root: AstNode, name: string): Generator<AudienceName> {
    if (!isModel(root)) return;
    for (const declaration of root.declarations) {
        if (!isAssignment(declaration)) continue;
        for (const announcement of declaration.announcements) {
            if (announcement.audience !== name) continue;
            const node = audienceName(announcement);
            if (node) yield { announcement, node };
        }
    }
}

/** The audience of an announcement, written as a name, under the cursor (`leaf`). */
export function audienceAt(node: AstNode, leaf: CstNode): CstNode | undefined {
    const audience = isAnnouncement(node) ? audienceName(node) : undefined;
    return audience && audience.offset <= leaf.offset && leaf.end <= audience.end ? audience : undefined;
}

/** The name an audience written as it would name `node`: that of a named declaration (role, person, …), else none. */
export function nameOfDeclaration(node: AstNode): string | undefined {
    const name = (node as { name?: unknown }).name;
    return DECLARATION_NOUNS[node.$type] && typeof name === 'string' && name !== '' ? name : undefined;
}

/**
 * The declaration an audience written as `name` names, as rename finds it. A scan of the index,
 * made only for an audience under the cursor.
 */
export function declarationNamed(index: IndexManager, name: string): AstNode | undefined {
    for (const existing of index.allElements()) {
        if (existing.name === name && DECLARATION_NOUNS[existing.type] && existing.node) return existing.node;
    }
    return undefined;
}
