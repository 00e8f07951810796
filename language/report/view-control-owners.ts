/**
 * Section 6: the control-owner register, requirement → accountable role → holder → since. In a
 * large register, a requirement owned through many roles (a duty every team carries) gets one
 * summary row in the table and a folded group of its owners after it.
 */
import type { AuditReport, ControlOwnerEntry } from './report-model.js';
import type { Block, Cell, Inline, Section } from './report-view.js';
import { badge, code, date, lines, named, none, plural, strong, text } from './view-inline.js';
import { group, groupBy, LARGE } from './view-large.js';
import { ownership } from './view-summary.js';

/** A requirement with more register lines than this is summarized in the table and listed in a group. */
const OWNERS_IN_TABLE = 5;

function ownerCells(entry: ControlOwnerEntry): Cell[] {
    if (!entry.role) {
        return [
            [[entry.structural ? badge('good', 'Evidenced by the policy') : badge('warn', 'No owner')]],
            none, none,
            entry.structural ? [[text('No role is accountable for it; the requirement status says what the policy shows.')]] : none
        ];
    }
    const holder: Cell = entry.holder
        ? [[...named(entry.holder), ...(entry.capacity ? [text(` (${entry.capacity})`)] : [])]]
        : [[badge('bad', 'Vacant')]];
    return [
        [named(entry.role)],
        holder,
        [[entry.since ? date(entry.since) : text(entry.holder ? 'not dated' : '—')]],
        lines(entry.duties.map(duty => [code(duty)]))
    ];
}

/** `Role 3-1 (r-3-1): Person 3-1 since 2022-01-01, through duty-3-1`: one owner on one line, without repeating the requirement. */
function ownerLine(entry: ControlOwnerEntry, sharedSince: string | undefined): Inline[] {
    const since = sharedSince !== undefined && entry.since === sharedSince ? '' : entry.since ? ` since ${entry.since}` : ' (not dated)';
    const holder: Inline[] = entry.holder
        ? [text(entry.holder.title), ...(entry.capacity ? [text(` (${entry.capacity})`)] : []), text(since)]
        : [badge('bad', 'Vacant')];
    return [text(`${entry.role?.title ?? ''} (${entry.role?.id ?? ''}): `), ...holder, text(`, through ${entry.duties.join(', ')}`)];
}

/** The start date at least half the holders of the group (two or more) share, said once for the group. */
function sharedSince(entries: readonly ControlOwnerEntry[]): string | undefined {
    const held = entries.filter(entry => entry.holder && entry.since);
    let best: [string, number] | undefined;
    for (const [since, members] of groupBy(held, entry => entry.since ?? '')) if (!best || members.length > best[1]) best = [since, members.length];
    return best && best[1] >= 2 && best[1] * 2 >= held.length ? best[0] : undefined;
}

function summaryCells(entries: readonly ControlOwnerEntry[]): Cell[] {
    const roles = new Set(entries.map(entry => entry.role?.id)).size;
    const vacant = entries.filter(entry => entry.vacant).length;
    return [
        [[text(`${plural(roles, 'accountable role')}, listed below`)]],
        [[text(plural(entries.length - vacant, 'holder'))], ...(vacant > 0 ? [[badge('bad', `${vacant} vacant`)]] : [])],
        none, none
    ];
}

export function controlOwnersSection(report: AuditReport): Section {
    const register = report.controlOwners;
    const { owned, structural, missing } = ownership(register);
    const blocks: Block[] = [
        {
            kind: 'paragraph', content: [text(
                `Who answers for each applicable requirement on ${report.asOf}: the roles accountable for a duty that satisfies it or one of its items `
                + '(for an authority nobody is accountable for, the roles authorized to it), who holds them, and since when their tenure runs. '
                + 'A requirement the policy itself evidences needs no named duty.'
            )]
        },
        {
            kind: 'paragraph', content: [text(
                `${plural(owned.length + structural.length + missing.length, 'applicable requirement')}: ${owned.length} with an owner, `
                + `${structural.length} evidenced by the policy alone, ${missing.length} with neither.`
            )]
        }
    ];
    if (register.length === 0) return { id: 'control-owners', title: '6. Control owners', blocks };
    const byRequirement = groupBy(register, entry => entry.requirement);
    // Large: many more lines than requirements, i.e. requirements with many owners each.
    const large = register.length - byRequirement.size > LARGE;
    const rows: Cell[][] = [];
    const groups: Block[] = [];
    for (const [requirement, entries] of byRequirement) {
        const head: Cell = [[strong(requirement)], [text(entries[0].title)]];
        if (!large || entries.length <= OWNERS_IN_TABLE) {
            for (const entry of entries) rows.push([head, ...ownerCells(entry)]);
            continue;
        }
        rows.push([head, ...summaryCells(entries)]);
        const since = sharedSince(entries);
        groups.push(group(
            [strong(requirement), text(` ${entries[0].title}: ${plural(entries.length, 'owner line')}`)],
            [
                ...(since ? [{ kind: 'paragraph', content: [text(`Unless its line gives another date, the holder below has held the role since ${since}.`)] } as const] : []),
                { kind: 'list', items: entries.map(entry => ownerLine(entry, since)) }
            ]
        ));
    }
    blocks.push({ kind: 'table', head: ['Requirement', 'Accountable role', `Held on ${report.asOf} by`, 'Since', 'Through'], rows });
    if (groups.length > 0) {
        blocks.push({ kind: 'paragraph', content: [text(`${plural(groups.length, 'requirement has', 'requirements have')} more than ${OWNERS_IN_TABLE} owner lines; their owners follow, one line each.`)] }, ...groups);
    }
    return { id: 'control-owners', title: '6. Control owners', blocks };
}
