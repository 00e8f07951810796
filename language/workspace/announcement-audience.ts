/**
 * Whom an announcement reached, as far as the policy can tell. The audience is open-ended
 * (`all-staff`, `"IT Operations"`): only one written as the name of a declaration says who it was,
 * and a person, a body outside the organization, or a role that not all staff hold is a part of the
 * organization, not the whole of it. Anything else is not judged.
 */
import { GrammarUtils, type CstNode } from 'langium';
import { isAppointingBody, isPerson, isRole, type Announcement, type AppointingBody, type Person, type Role } from '../generated/ast.js';
import { isValidIsoDate, type IsoDate } from '../util/dates.js';
import { isStaffOn } from './tenure.js';
import type { WorkspaceModel } from './workspace-model.js';

/** The audience of `announcement` when it is written as a name rather than in quotes. */
export function audienceName(announcement: Announcement): CstNode | undefined {
    if (!announcement.audience || !announcement.$cstNode) return undefined;
    const node = GrammarUtils.findNodeForProperty(announcement.$cstNode, 'audience');
    return node && !node.text.startsWith('"') ? node : undefined;
}

/** A part of the organization an audience can name. */
export type AudiencePart = Person | AppointingBody | Role;

/**
 * The declaration an announcement's audience names when that is narrower than the whole
 * organization: a person, an appointing body, a top-management role, or a role assigned to some but
 * not to everyone employed on the announcement's date. Undefined when the audience is text, names
 * nothing declared (or more than one declaration: duplicate-name's finding), names the organization,
 * a role nobody is assigned to, or a role everyone employed holds that day.
 */
export function narrowAudience(model: WorkspaceModel, announcement: Announcement): AudiencePart | undefined {
    if (!audienceName(announcement)) return undefined;
    // `names`, not `declarationsByName`: carried from the last snapshot, where the other is merged again after each edit.
    const named = model.names.get(announcement.audience!) ?? [];
    if (named.length !== 1) return undefined;
    const [declaration] = named;
    if (isPerson(declaration) || isAppointingBody(declaration)) return declaration;
    if (!isRole(declaration)) return undefined;
    // Top management is never everyone, listed members or not; any other role nobody is assigned to (`all-staff` declared as a
    // distribution list) says nothing of whom it reached.
    if (model.isTopManagement(declaration)) return declaration;
    if (model.assignmentsOf(declaration).length > 0 && !heldByAllStaff(model, declaration, announcement.date)) return declaration;
    return undefined;
}

/**
 * Whether every person who is staff on `date` holds `role` then (and someone is). Where the policy
 * writes anyone's employment, only people with an employment count: a non-executive director
 * declared without dates is not who an `employee` role is for.
 */
function heldByAllStaff(model: WorkspaceModel, role: Role, date: IsoDate | undefined): boolean {
    if (date === undefined || !isValidIsoDate(date)) return false;
    const holders = new Set(model.holdersOn(role, date).map(assignment => assignment.person?.ref));
    const employed = model.persons.some(person => person.employedSince !== undefined);
    let staff = 0;
    for (const person of model.persons) {
        if (!isStaffOn(person, date) || (employed && person.employedSince === undefined)) continue;
        if (!holders.has(person)) return false;
        staff++;
    }
    return staff > 0;
}
