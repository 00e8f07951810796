import { AstUtils, GrammarUtils } from 'langium';
import { isAssignment, type Assignment } from '../../generated/ast.js';
import { holderOverlaps } from '../../rules/role-holders-overlap.js';
import { addCadence, isValidIsoDate } from '../../util/dates.js';
import { here, PLACEHOLDER_DATE, quickFix, QuickFixTitles, type QuickFix, type QuickFixContext } from './quick-fix.js';
import { insertAt, insertIntoBlock, nodeAt } from './text-edits.js';

/** The assignment a finding is on, or undefined when the document no longer matches the diagnostic. */
function assignmentOf(context: QuickFixContext): Assignment | undefined {
    const node = nodeAt(context.document, context.diagnostic.range.start);
    return node ? AstUtils.getContainerOfType(node, isAssignment) : undefined;
}

/**
 * assignment-date-missing: `since 0000-00-00` after the role, the placeholder selected to overwrite.
 * Not the as-of date: a real-looking date nobody checked would pass for the record.
 */
export const addStartDate: QuickFix = context => {
    const assignment = assignmentOf(context);
    const role = assignment?.role?.$refNode;
    if (!assignment || assignment.since || !role) return [];
    const date = PLACEHOLDER_DATE;
    const at = role.range.end;
    const dateStart = at.character + ' since '.length;
    return [quickFix(context, QuickFixTitles.addStartDate, here(context, insertAt(at, ` since ${date}`)), {
        preferred: true,
        select: { start: { line: at.line, character: dateStart }, end: { line: at.line, character: dateStart + date.length } }
    })];
};

/** assignment-not-communicated: an announcement stub at the end of the assignment's block, its date a placeholder. */
export const addAnnouncement: QuickFix = context => {
    const assignment = assignmentOf(context);
    if (!assignment || assignment.announcements.length > 0) return [];
    const edits = insertIntoBlock(context.document.textDocument, assignment, [`announced ${PLACEHOLDER_DATE} via intranet to all-staff`]);
    return edits ? [quickFix(context, QuickFixTitles.addAnnouncement, here(context, ...edits), { preferred: true })] : [];
};

/**
 * role-holders-overlap: end the earlier assignment (in whatever file it is) the day before this
 * one starts. Offered only when that leaves the earlier assignment a valid, non-empty period.
 */
export const endEarlierAssignment: QuickFix = context => {
    const later = assignmentOf(context);
    const role = later?.role?.ref;
    if (!later || !role || !later.since || !isValidIsoDate(later.since)) return [];
    const model = context.services.shared.mandate.WorkspaceModel.get();
    const earlier = holderOverlaps(model, role).find(overlap => overlap.later === later)?.earlier;
    const cst = earlier?.$cstNode;
    if (!earlier || !cst) return [];
    const dayBefore = addCadence(later.since, -1, 'day');
    if (earlier.since !== undefined && earlier.since > dayBefore) return [];
    const document = AstUtils.getDocument(earlier);
    const uri = document.textDocument.uri;
    const until = GrammarUtils.findNodeForProperty(cst, 'until');
    // After the start date, or else after the role (and its `as acting`), where `until` belongs.
    const anchor = GrammarUtils.findNodeForProperty(cst, 'since') ?? GrammarUtils.findNodeForProperty(cst, 'capacity')
        ?? GrammarUtils.findNodeForProperty(cst, 'role');
    const edit = until ? { range: until.range, newText: dayBefore } : anchor ? insertAt(anchor.range.end, ` until ${dayBefore}`) : undefined;
    if (!edit) return [];
    return [quickFix(context, QuickFixTitles.endEarlierAssignment(earlier.person.$refText), { [uri]: [edit] }, { preferred: true })];
};
