/**
 * The text of a workspace copy in which a person leaves, or a role is vacated, after `lastDay`:
 * the same files with dates ended in place, so every line keeps its number and a finding in the
 * copy points at the same place as in the real files. The check engine then judges the copy;
 * nothing here decides what that means.
 */
import { GrammarUtils, type AstNode, type CstNode } from 'langium';
import type { Assignment, Delegation, Person, Role } from '../generated/ast.js';
import type { PolicySource } from '../engine/check-sources.js';
import { compareStrings } from '../util/compare.js';
import { isDateShaped, isValidIsoDate, type IsoDate } from '../util/dates.js';
import { departureOf } from '../workspace/tenure.js';
import { documentUriOf, type WorkspaceModel } from '../workspace/workspace-model.js';

/** Characters `offset` to `end` of the file as written, replaced by `text`. */
export interface TextEdit {
    readonly uri: string;
    readonly offset: number;
    readonly end: number;
    readonly text: string;
}

function cstOf(node: AstNode, property: string): CstNode | undefined {
    return node.$cstNode ? GrammarUtils.findNodeForProperty(node.$cstNode, property) : undefined;
}

const uriOf = documentUriOf;

const insertAt = (node: AstNode, cst: CstNode, text: string): TextEdit => ({ uri: uriOf(node), offset: cst.end, end: cst.end, text });
const replace = (node: AstNode, cst: CstNode, text: string): TextEdit => ({ uri: uriOf(node), offset: cst.offset, end: cst.end, text });

/**
 * `until lastDay` on an assignment or delegation that runs past it; one that starts after it is
 * blanked out (never taken up), spaces in place of its text so no line moves.
 */
function endBy(node: Assignment | Delegation, lastDay: IsoDate, anchors: readonly string[]): TextEdit[] {
    // Dates as the model reads them (tenure.ts): an impossible one counts where its text falls.
    const since = node.since && isDateShaped(node.since) ? node.since : undefined;
    if (since && since > lastDay && node.$cstNode) {
        return [{ uri: uriOf(node), offset: node.$cstNode.offset, end: node.$cstNode.end, text: node.$cstNode.text.replace(/[^\r\n]/g, ' ') }];
    }
    if (node.until && isDateShaped(node.until) && node.until <= lastDay) return [];
    const until = cstOf(node, 'until');
    if (until) return [replace(node, until, lastDay)];
    for (const property of ['since', ...anchors]) {
        const cst = cstOf(node, property);
        if (cst) return [insertAt(node, cst, ` until ${lastDay}`)];
    }
    return [];
}

/** The earliest date the policy ties to `person`, so a presence made up for the copy changes nothing before it. */
function earliestDateOf(model: WorkspaceModel, person: Person, lastDay: IsoDate): IsoDate {
    const dates = [
        ...model.assignmentsOfPerson(person).map(assignment => assignment.since),
        ...model.assignments.filter(assignment => assignment.appointedBy?.ref === person).map(assignment => assignment.since),
        ...model.delegationsTo(person).map(delegation => delegation.since),
        ...model.completions.filter(completion => completion.person?.ref === person).map(completion => completion.date)
    ].filter((date): date is IsoDate => date !== undefined && isValidIsoDate(date) && date <= lastDay);
    return dates.sort(compareStrings)[0] ?? lastDay;
}

/** The person's employment and engagement end on `lastDay`; a person who declares neither gets one that does. */
function presenceEdits(model: WorkspaceModel, person: Person, lastDay: IsoDate): TextEdit[] {
    const edits: TextEdit[] = [];
    for (const [sinceProperty, untilProperty, since, until] of [
        ['employedSince', 'employedUntil', person.employedSince, person.employedUntil],
        ['engagedSince', 'engagedUntil', person.engagedSince, person.engagedUntil]
    ] as const) {
        if (since === undefined || since > lastDay || (until !== undefined && isDateShaped(until) && until <= lastDay)) continue;
        const untilCst = cstOf(person, untilProperty);
        const sinceCst = cstOf(person, sinceProperty);
        if (untilCst) edits.push(replace(person, untilCst, lastDay));
        else if (sinceCst) edits.push(insertAt(person, sinceCst, ` until ${lastDay}`));
    }
    if (person.employedSince !== undefined || person.engagedSince !== undefined) return edits;
    const clause = `${person.external ? 'engaged' : 'employed'} since ${earliestDateOf(model, person, lastDay)} until ${lastDay}`;
    const cst = person.$cstNode;
    const close = cst && cst.text.trimEnd().endsWith('}') ? cst.offset + cst.text.trimEnd().length - 1 : undefined;
    if (close !== undefined) return [{ uri: uriOf(person), offset: close, end: close, text: ` ${clause} ` }];
    const title = cstOf(person, 'title');
    return title ? [insertAt(person, title, ` { ${clause} }`)] : [];
}

/** What ends for a person who leaves after `lastDay`: presence, assignments and the delegations made to them. */
export function leaverEdits(model: WorkspaceModel, person: Person, lastDay: IsoDate): TextEdit[] {
    // Someone who has left by then changes nothing: their records already end where the policy says.
    const departure = departureOf(person);
    if (departure && departure.date <= lastDay) return [];
    return [
        ...presenceEdits(model, person, lastDay),
        ...model.assignmentsOfPerson(person).flatMap(assignment => endBy(assignment, lastDay, ['capacity', 'role'])),
        ...model.delegationsTo(person).flatMap(delegation => endBy(delegation, lastDay, ['to']))
    ];
}

/** Every assignment to `role` ends on `lastDay`. */
export function vacateEdits(model: WorkspaceModel, role: Role, lastDay: IsoDate): TextEdit[] {
    return model.assignmentsOf(role).flatMap(assignment => endBy(assignment, lastDay, ['capacity', 'role']));
}

/** The workspace's files with the edits applied (from the end of each file, so offsets stay true). */
export function editedSources(model: WorkspaceModel, edits: readonly TextEdit[]): PolicySource[] {
    return model.documents.map(document => {
        const uri = document.uri.toString();
        let text = document.textDocument.getText();
        for (const edit of edits.filter(candidate => candidate.uri === uri).sort((a, b) => b.offset - a.offset)) {
            text = text.slice(0, edit.offset) + edit.text + text.slice(edit.end);
        }
        return { uri, text };
    });
}
