import { AstUtils, GrammarUtils } from 'langium';
import { isAssignment, type Assignment } from '../../generated/ast.js';
import { holderOverlaps } from '../../rules/role-holders-overlap.js';
import type { TextEdit } from 'vscode-languageserver-types';
import { addCadence, isValidIsoDate, overlapOf } from '../../util/dates.js';
import { effectivePeriods } from '../../workspace/tenure.js';
import { here, PLACEHOLDER_DATE, quickFix, QuickFixTitles, type QuickFix, type QuickFixContext } from './quick-fix.js';
import { insertAt, insertIntoBlock, nodeAt } from './text-edits.js';

/** The assignment a finding is on, or undefined when the document no longer matches the diagnostic. */
function assignmentOf(context: QuickFixContext): Assignment | undefined {
    const node = nodeAt(context.document, context.diagnostic.range.start);
    return node ? AstUtils.getContainerOfType(node, isAssignment) : undefined;
}

/**
 * assignment-date-missing: `since 0000-00-00` after the role, or after its capacity (`as acting`),
 * which the grammar puts before `since`; the placeholder selected to overwrite. Not the as-of date:
 * a real-looking date nobody checked would pass for the record.
 */
export const addStartDate: QuickFix = context => {
    const assignment = assignmentOf(context);
    const role = assignment?.role?.$refNode;
    if (!assignment || assignment.since || !role) return [];
    const date = PLACEHOLDER_DATE;
    const capacity = assignment.capacity && assignment.$cstNode ? GrammarUtils.findNodeForProperty(assignment.$cstNode, 'capacity') : undefined;
    const at = (capacity ?? role).range.end;
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
 * role-holders-overlap: end the earlier holder's assignments (in whatever files they are) the day
 * before this one starts: every term of theirs that runs into it, a renewal included, or the
 * overlap stays. Offered only when that leaves each of them a valid, non-empty period.
 */
export const endEarlierAssignment: QuickFix = context => {
    const later = assignmentOf(context);
    const role = later?.role?.ref;
    if (!later || !role || !later.since || !isValidIsoDate(later.since)) return [];
    const model = context.services.shared.mandate.WorkspaceModel.get();
    const earlier = holderOverlaps(model, role).find(overlap => overlap.later === later)?.earlier;
    if (!earlier) return [];
    const dayBefore = addCadence(later.since, -1, 'day');
    const laterPeriods = effectivePeriods(later);
    const terms = model.assignmentsOf(role).filter(term => term.person?.ref === earlier.person.ref
        && effectivePeriods(term).some(period => laterPeriods.some(other => overlapOf(period, other) !== undefined)));
    const changes: Record<string, TextEdit[]> = {};
    for (const term of terms) {
        const edit = endingEdit(term, dayBefore);
        if (!edit) return [];
        const uri = AstUtils.getDocument(term).textDocument.uri;
        (changes[uri] ??= []).push(edit);
    }
    return terms.length > 0 ? [quickFix(context, QuickFixTitles.endEarlierAssignment(earlier.person.$refText), changes, { preferred: true })] : [];
};

/** The edit that makes `assignment` end on `until`, or undefined when it starts after that day. */
function endingEdit(assignment: Assignment, until: string): TextEdit | undefined {
    const cst = assignment.$cstNode;
    if (!cst || (assignment.since !== undefined && assignment.since > until)) return undefined;
    const current = GrammarUtils.findNodeForProperty(cst, 'until');
    // After the start date, or else after the role (and its `as acting`), where `until` belongs.
    const anchor = GrammarUtils.findNodeForProperty(cst, 'since') ?? GrammarUtils.findNodeForProperty(cst, 'capacity')
        ?? GrammarUtils.findNodeForProperty(cst, 'role');
    return current ? { range: current.range, newText: until } : anchor ? insertAt(anchor.range.end, ` until ${until}`) : undefined;
}
