/**
 * What hovers say beyond a declaration's title: a person's roles and employment on the as-of
 * date, what an activity, a channel or a RACI phrase means, and the `//` doc comment written
 * directly above a declaration. Dates and tenure come from the WorkspaceModel (tenure.ts).
 */
import { AstUtils, type AstNode } from 'langium';
import type { Person } from '../generated/ast.js';
import { ACTIVITIES, conflictsOfActivity, findActivity } from '../standards/activities.js';
import { describePeriod, type IsoDate } from '../util/dates.js';
import { departureOf, isPresentOn, joinedOn } from '../workspace/tenure.js';
import type { WorkspaceModel } from '../workspace/workspace-model.js';
import { KNOWN_CHANNELS } from './snippets.js';

/** Markdown text with the characters that would change its meaning escaped. */
export function plain(text: string): string {
    return text.replace(/[\\`*_{}[\]<>()#+!|]/g, character => `\\${character}`);
}

/** A person's employment or engagement, and their roles on the as-of date. */
export function personFacts(person: Person, model: WorkspaceModel, asOf: IsoDate): string[] {
    const facts: string[] = [];
    const presence: string[] = [];
    if (person.employedSince !== undefined) presence.push(`Employed ${describePeriod({ since: person.employedSince, until: person.employedUntil })}`);
    if (person.engagedSince !== undefined) presence.push(`Engaged ${describePeriod({ since: person.engagedSince, until: person.engagedUntil })}`);
    if (presence.length > 0) facts.push(presence.join('; '));
    if (!isPresentOn(person, asOf)) {
        const departure = departureOf(person);
        const joined = joinedOn(person);
        if (departure && departure.date < asOf) facts.push(`Left on ${departure.date}: holds no role on ${asOf}`);
        else if (joined && joined > asOf) facts.push(`Joins on ${joined}: holds no role on ${asOf}`);
        else facts.push(`Not with the organization on ${asOf}`);
        return facts;
    }
    const roles = model.rolesOfPersonOn(person, asOf);
    facts.push(roles.length > 0
        ? `Roles on ${asOf}: ${roles.map(role => `${plain(role.title || role.name)} (\`${role.name}\`)`).join(', ')}`
        : `No role on ${asOf}`);
    return facts;
}

/** An activity of the catalogue: its title and the activities one person should not combine with it. */
export function activityHover(id: string): string {
    const activity = findActivity(id);
    if (!activity) return `\`${plain(id)}\` is not in the activity catalogue. Known activities: ${ACTIVITIES.map(known => `\`${known.id}\``).join(', ')}.`;
    const lines = [`**Activity** \`${activity.id}\`: ${plain(activity.title)}`];
    const conflicts = conflictsOfActivity(activity.id);
    if (conflicts.length > 0) {
        lines.push('Segregation of duties (ISO/IEC 27002 5.3): one person should not also',
            conflicts.map(({ other, conflict }) => `- \`${other}\`: ${plain(conflict.reason)}`).join('\n'));
    }
    return lines.join('\n\n');
}

/** An announcement channel: what the usual ones mean; any other name is the organization's own. */
export function channelHover(channel: string, model: WorkspaceModel): string {
    const known = new Map(KNOWN_CHANNELS).get(channel);
    const uses = model.assignments.reduce((count, assignment) => count + assignment.announcements.filter(entry => entry.channel === channel).length, 0);
    const meaning = known ?? 'A channel of the organization\'s own';
    return `**Channel** \`${plain(channel)}\`: ${plain(meaning)}\n\nHow an appointment was made known (ISO 27001 5.3: roles are communicated). Used in ${uses} announcement${uses === 1 ? '' : 's'}.`;
}

/** What the phrases of a job description mean (RACI), and a few other keywords people ask about. */
const PHRASES: Readonly<Record<string, string>> = {
    'responsible for': '**Responsible** (RACI R): the role does the work of this duty. The role carries it: its holders need the access and training it asks for.',
    'accountable for': '**Accountable** (RACI A): the role answers for this duty and signs it off; at most one role should be accountable. The role carries it.',
    'consulted on': '**Consulted** (RACI C): the role is asked for its view before the work is done. It does not carry the duty.',
    'informed of': '**Informed** (RACI I): the role is kept up to date on the outcome. It does not carry the duty.',
    'authorized to': '**Authorized**: the role holds this authority (it may decide or appoint as the authority says). The role carries it.',
    'designated CISO': '**Designated CISO**: this role is the Chief Information Security Officer, who reports on the ISMS to top management (ISO 27001 5.3(b)). One holder at a time.',
    'top management': '**Top management**: the roles that direct the organization at the highest level (ISO 27001 5.1); they assign the ISMS roles.',
    'requires deputy': '**Requires deputy**: the role must name a deputy role that stands in for it.',
    'requires training': '**Requires training**: holders of the role must complete these programmes.',
    'single holder': '**Single holder**: only one person may hold the role at a time.',
    'key role': '**Key role**: a role whose vacancy or missing deputy matters for continuity.'
};

export function phraseHover(phrase: string): string | undefined {
    return PHRASES[phrase];
}

/** Lines that are comments for tools, not for readers. */
const TOOL_COMMENT = /^\/\/\s*(mandate-ignore\b|expect:)/;

/**
 * The `//` comment lines directly above a declaration (no blank line between), as its doc
 * comment, like Go's doc comments. Suppressions and test markers are left out.
 */
export function docCommentOf(node: AstNode): string | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const text = AstUtils.getDocument(node).textDocument;
    const lines: string[] = [];
    for (let line = cst.range.start.line - 1; line >= 0; line--) {
        const content = text.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).trim();
        if (!content.startsWith('//')) break;
        if (TOOL_COMMENT.test(content)) continue;
        lines.unshift(content.replace(/^\/\/ ?/, ''));
    }
    const comment = lines.join('\n').trim();
    return comment === '' ? undefined : comment;
}
