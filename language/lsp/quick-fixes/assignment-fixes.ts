import { AstUtils } from 'langium';
import { isAssignment, type Assignment } from '../../generated/ast.js';
import { here, quickFix, QuickFixTitles, type QuickFix, type QuickFixContext } from './quick-fix.js';
import { insertAt, insertIntoBlock, nodeAt } from './text-edits.js';

/** The assignment a finding is on, or undefined when the document no longer matches the diagnostic. */
function assignmentOf(context: QuickFixContext): Assignment | undefined {
    const node = nodeAt(context.document, context.diagnostic.range.start);
    return node ? AstUtils.getContainerOfType(node, isAssignment) : undefined;
}

/** assignment-date-missing: `since <as-of date>` after the role, with the date selected to overwrite. */
export const addStartDate: QuickFix = context => {
    const assignment = assignmentOf(context);
    const role = assignment?.role?.$refNode;
    if (!assignment || assignment.since || !role) return [];
    const date = context.services.shared.mandate.Settings.asOf();
    const at = role.range.end;
    const dateStart = at.character + ' since '.length;
    return [quickFix(context, QuickFixTitles.addStartDate, here(context, insertAt(at, ` since ${date}`)), {
        preferred: true,
        select: { start: { line: at.line, character: dateStart }, end: { line: at.line, character: dateStart + date.length } }
    })];
};

/** assignment-not-communicated: an announcement stub at the end of the assignment's block. */
export const addAnnouncement: QuickFix = context => {
    const assignment = assignmentOf(context);
    if (!assignment || assignment.announcements.length > 0) return [];
    const date = context.services.shared.mandate.Settings.asOf();
    const edits = insertIntoBlock(context.document.textDocument, assignment, [`announced ${date} via intranet to all-staff`]);
    return edits ? [quickFix(context, QuickFixTitles.addAnnouncement, here(context, ...edits), { preferred: true })] : [];
};
