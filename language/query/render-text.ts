import type {
    EntitledParty, HoldersAnswer, MayAppointAnswer, MayPerformAnswer, NamedItem, QueryAnswer, QueryFinding, QueryNote,
    SourceLocation, TimelineAnswer, WhatIfAnswer
} from './index.js';
import { periodText } from './explain.js';

export interface RenderOptions {
    /** Print each answer's explanation chain, one step a line with its source location. */
    readonly explain?: boolean;
}

const where = (source: SourceLocation) => `${source.file}:${source.line}:${source.column}`;
const named = (item: NamedItem) => (item.title && item.title !== item.name ? `${item.name} (${item.title})` : item.name);

function notesText(notes: readonly QueryNote[]): string[] {
    return notes.length === 0 ? [] : ['Notes:', ...notes.map(note => `  - ${note.text}${note.source ? ` (${where(note.source)})` : ''}`)];
}

function holders(answer: HoldersAnswer, options: RenderOptions): string[] {
    const lines = [`Holders of ${named(answer.role)} on ${answer.date}:`];
    if (answer.vacant) lines.push('  none: the role is VACANT');
    for (const holder of answer.holders) {
        const who = [holder.capacity, holder.external ? `external${holder.firm ? `, ${holder.firm}` : ''}` : ''].filter(Boolean).join(', ');
        const term = periodText(holder.termSince, holder.termUntil) || 'undated';
        const renewed = holder.terms > 1 ? `; first appointed ${holder.firstAppointed ?? 'undated'} (${holder.terms} terms${holder.tenureUntil ? `, tenure until ${holder.tenureUntil}` : ''})` : '';
        const joined = holder.heldSince ? `; held from ${holder.heldSince}, when they joined` : '';
        const leaves = holder.leaves ? `; leaves the organization after ${holder.leaves}` : '';
        const by = holder.appointedBy ? `; appointed by ${holder.appointedBy}` : '';
        lines.push(`  ${named(holder.person)}${who ? ` [${who}]` : ''}: ${term}${renewed}${joined}${by}${leaves}  (${where(holder.assignment)})`);
        if (options.explain) lines.push(...holder.explanation.steps.map(step => `      because ${step.text}  (${where(step.source)})`));
    }
    return lines;
}

function parties(list: readonly EntitledParty[], options: RenderOptions, none: string): string[] {
    if (list.length === 0) return [`  ${none}`];
    return list.flatMap(entry => [
        `  ${named(entry.party)}`,
        ...entry.explanations.flatMap(explanation => options.explain
            ? explanation.steps.map((step, index) => `      ${index === 0 ? '- ' : '  ← '}${step.text}  (${where(step.source)})`)
            : [`      - ${explanation.steps.map(step => step.text).join(' ← ')}`])
    ]);
}

function mayPerform(answer: MayPerformAnswer | MayAppointAnswer, options: RenderOptions): string[] {
    const heading = answer.query === 'may-perform'
        ? `Who may ${answer.duty.kind === 'authority' ? 'use the authority' : 'perform'} ${named(answer.duty)} on ${answer.date}:`
        : `Who may appoint to ${named(answer.role)} on ${answer.date}:`;
    const roles = answer.roles.length > 0 ? [`Roles entitled: ${answer.roles.map(role => role.name).join(', ')}`] : [];
    return [heading, ...parties(answer.parties, options, 'nobody'), ...roles];
}

function findings(title: string, list: readonly QueryFinding[]): string[] {
    return list.length === 0 ? [`${title}: none`] : [`${title} (${list.length}):`,
        ...list.map(finding => `  ${where(finding.source)}: ${finding.severity} ${finding.rule}: ${finding.message}`)];
}

function whatIf(answer: WhatIfAnswer): string[] {
    const what = answer.scenario.kind === 'leaves' ? `${named(answer.subject)} leaves` : `${named(answer.subject)} is vacated`;
    const lines = [`What if ${what} on ${answer.date} (last day ${answer.lastDay}), checked on ${answer.date}:`];
    lines.push(answer.lost.length === 0 ? 'Holdings ended: none' : 'Holdings ended:');
    for (const lost of answer.lost) {
        lines.push(`  ${lost.person.name} in ${named(lost.role)}: ${lost.vacantAfter ? 'the role becomes VACANT' : 'others still hold the role'}  (${where(lost.assignment)})`);
    }
    lines.push(`Roles vacant afterwards: ${answer.vacated.map(role => role.name).join(', ') || 'none'}`);
    lines.push(`Duties nobody may perform afterwards: ${answer.dutiesUncovered.map(duty => duty.name).join(', ') || 'none'}`);
    lines.push(`Clause 5.3 overall (the worse of 5.3(a) and 5.3(b), as the report's headline): ${answer.clause53.before === answer.clause53.after ? `${answer.clause53.after} (unchanged)` : `${answer.clause53.before} → ${answer.clause53.after}`}`);
    lines.push(answer.requirements.length === 0 ? 'Requirement status changes: none' : 'Requirement status changes:');
    lines.push(...answer.requirements.map(change => `  ${change.requirement} ${change.title}: ${change.before} → ${change.after}`));
    return [...lines, ...findings('Findings appearing', answer.findingsAppearing), ...findings('Findings resolved', answer.findingsResolved)];
}

function timeline(answer: TimelineAnswer): string[] {
    const width = Math.max(0, ...answer.events.map(event => event.kind.length));
    return [`Timeline of ${answer.subject.kind} ${named(answer.subject)}:`,
        ...answer.events.length === 0 ? ['  no dated events'] : answer.events.map(event => `  ${event.date}  ${event.kind.padEnd(width)}  ${event.text}  (${where(event.source)})`)];
}

/** An answer as plain text for people: the CLI's text format and the editor's output. */
export function renderQueryText(answer: QueryAnswer, options: RenderOptions = {}): string {
    const body = answer.query === 'holders' ? holders(answer, options)
        : answer.query === 'may-perform' || answer.query === 'may-appoint' ? mayPerform(answer, options)
            : answer.query === 'what-if' ? whatIf(answer)
                : timeline(answer);
    return [...body, ...notesText(answer.notes)].join('\n') + '\n';
}
