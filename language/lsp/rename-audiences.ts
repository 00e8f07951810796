/**
 * Announcement audiences for rename. `announced DATE via email to board` names the role `board`
 * (its holders), but the audience is open-ended (`all-staff`, `"IT Operations"`) and so is no
 * cross-reference: Langium's references never find it. An audience written as a name names the
 * declaration of that name, if there is one; one written in quotes is text, like a title.
 */
import { GrammarUtils, type AstNode, type CstNode, type LangiumDocuments } from 'langium';
import { isAnnouncement, isAssignment, isModel, type Announcement } from '../generated/ast.js';

export interface AudienceName {
    readonly announcement: Announcement;
    /** The audience as written, a name. */
    readonly node: CstNode;
}

/** The audience of `announcement` when it is written as a name rather than in quotes. */
export function audienceName(announcement: Announcement): CstNode | undefined {
    if (!announcement.audience || !announcement.$cstNode) return undefined;
    const node = GrammarUtils.findNodeForProperty(announcement.$cstNode, 'audience');
    return node && !node.text.startsWith('"') ? node : undefined;
}

/** Every audience in the workspace written as `name`, in document order. */
export function* audiencesNamed(documents: LangiumDocuments, name: string): Generator<AudienceName> {
    for (const document of documents.all) {
        const model = document.parseResult.value;
        if (!isModel(model)) continue;
        for (const declaration of model.declarations) {
            if (!isAssignment(declaration)) continue;
            for (const announcement of declaration.announcements) {
                if (announcement.audience !== name) continue;
                const node = audienceName(announcement);
                if (node) yield { announcement, node };
            }
        }
    }
}

/** The audience of an announcement, written as a name, under the cursor (`leaf`). */
export function audienceAt(node: AstNode, leaf: CstNode): CstNode | undefined {
    const audience = isAnnouncement(node) ? audienceName(node) : undefined;
    return audience && audience.offset <= leaf.offset && leaf.end <= audience.end ? audience : undefined;
}
