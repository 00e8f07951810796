/**
 * Section 4: the responsibility (RACI) matrix. The model keeps only the cells that hold letters,
 * and so does the rendering: a grid of duties by roles while it is small (the acme example), else
 * one row per duty naming the roles with their letters, grouped per file and folded when long.
 * A dense grid of a large policy would be duties × roles cells, almost all empty.
 */
import type { AuditReport, DutyEntry, MatrixCell } from './report-model.js';
import type { Block, Cell, Inline, Section } from './report-view.js';
import { badge, code, lines, plural, src, strong, text } from './view-inline.js';
import { fact, group, groupBy, joinFacts, LARGE, sharedFacts, unsharedFacts, type Fact } from './view-large.js';

/** A grid at most this many roles wide and this many cells large; beyond it, the roles are listed per duty. */
const GRID_ROLES = 20;
const GRID_CELLS = 2000;

const LEGEND: Inline[] = [
    strong('R'), text(' responsible (does the work), '), strong('A'), text(' accountable (answers for it), '),
    strong('C'), text(' consulted, '), strong('I'), text(' informed, '), strong('Auth'), text(' authorized to use the authority.')
];

const kindText = (duty: DutyEntry) => (duty.kind === 'authority' ? 'Authority' : 'Responsibility');

/** `R, A: ciso; I: board, ceo`: the roles of one duty, those with the same letters together. */
function rolesText(cells: readonly MatrixCell[]): Inline[] {
    const byLetters = groupBy(cells, cell => cell.letters.join(', '));
    return [...byLetters].flatMap(([letters, members], index): Inline[] => [
        ...(index > 0 ? [text('; ')] : []), strong(letters), text(': '),
        ...members.flatMap((cell, position) => [...(position > 0 ? [text(', ')] : []), code(cell.role)])
    ]);
}

function gridBlocks(report: AuditReport, cellsOf: ReadonlyMap<string, readonly MatrixCell[]>): Block[] {
    const { matrix } = report;
    const rows = matrix.duties.map(duty => {
        const letters = new Map((cellsOf.get(duty.id) ?? []).map(cell => [cell.role, cell.letters.join(', ')]));
        const unassigned = letters.size === 0;
        const dutyCell: Cell = [[strong(duty.title), ...(unassigned ? [text(' '), badge('warn', 'no role')] : [])], [code(duty.id), text(' ('), src(duty.source), text(')')]];
        return [
            dutyCell,
            [[text(kindText(duty))]],
            lines(duty.requirements.map(requirement => [text(requirement)])),
            ...matrix.roles.map(role => { const value = letters.get(role.id); return [[value ? strong(value) : text('')]] as Cell; })
        ];
    });
    return [
        { kind: 'paragraph', content: [...LEGEND, text(' Columns are roles:')] },
        { kind: 'list', items: matrix.roles.map(role => [code(role.id), text(`: ${role.title}`)]) },
        { kind: 'table', compact: true, head: ['Duty', 'Type', 'Satisfies', ...matrix.roles.map(role => role.id)], rows }
    ];
}

function dutyRoles(cells: readonly MatrixCell[] | undefined): Inline[] {
    return cells && cells.length > 0 ? rolesText(cells) : [badge('warn', 'no role')];
}

/** What a line says about a duty besides its roles, so a file's common facts can be said once. */
function dutyFacts(duty: DutyEntry): Fact[] {
    return [
        fact('kind', [text(duty.kind === 'authority' ? 'an authority' : 'a responsibility')]),
        fact('satisfies', [text(duty.requirements.length > 0 ? `satisfying ${duty.requirements.join(', ')}` : 'satisfying no requirement')])
    ];
}

/** The letters most roles of a group carry their duties with, said once for the group; undefined when no letters repeat. */
function usualLetters(cells: readonly MatrixCell[]): string | undefined {
    const counts = groupBy(cells, cell => cell.letters.join(', '));
    let best: [string, number] | undefined;
    for (const [letters, members] of counts) if (!best || members.length > best[1]) best = [letters, members.length];
    return best && best[1] > 1 ? best[0] : undefined;
}

/** The roles of a duty in a grouped line: `r-3-0; R: lead-3`, the group's usual letters left unsaid. */
function lineRoles(cells: readonly MatrixCell[] | undefined, usual: string | undefined): Inline[] {
    if (!cells || cells.length === 0) return [badge('warn', 'no role')];
    const plain = cells.filter(cell => cell.letters.join(', ') === usual);
    const other = cells.filter(cell => cell.letters.join(', ') !== usual);
    return [
        ...(plain.length > 0 ? [text(plain.map(cell => cell.role).join(', '))] : []),
        ...(plain.length > 0 && other.length > 0 ? [text('; ')] : []),
        ...(other.length > 0 ? rolesText(other) : [])
    ];
}

function listBlocks(report: AuditReport, cellsOf: ReadonlyMap<string, readonly MatrixCell[]>): Block[] {
    const { matrix } = report;
    const intro: Block = {
        kind: 'paragraph', content: [
            ...LEGEND,
            text(` ${plural(matrix.duties.length, 'duty', 'duties')} and ${plural(matrix.roles.length, 'role')}: too many for a grid, so each duty names the roles that carry it, with their letters (role IDs as in section 3).`)
        ]
    };
    if (matrix.duties.length <= LARGE) {
        return [intro, {
            kind: 'table', head: ['Duty', 'Type', 'Satisfies', 'Roles'],
            rows: matrix.duties.map(duty => [
                [[strong(duty.title)], [code(duty.id), text(' ('), src(duty.source), text(')')]],
                [[text(kindText(duty))]],
                lines(duty.requirements.map(requirement => [text(requirement)])),
                [dutyRoles(cellsOf.get(duty.id))]
            ])
        }];
    }
    const files = groupBy(matrix.duties, duty => duty.source.file);
    const unassigned = matrix.duties.filter(duty => !cellsOf.has(duty.id)).length;
    return [
        intro,
        { kind: 'paragraph', content: [text(`Grouped per file where the duty is declared, in ${plural(files.size, 'group')}; `), unassigned > 0 ? badge('warn', `${unassigned} carried by no role`) : text('every duty is carried by a role'), text('.')] },
        ...[...files].map(([file, duties]) => {
            const empty = duties.filter(duty => !cellsOf.has(duty.id)).length;
            const facts = duties.map(dutyFacts);
            const shared = sharedFacts(facts);
            const usual = usualLetters(duties.flatMap(duty => cellsOf.get(duty.id) ?? []));
            const said: Inline[] = [
                ...(shared.length > 0 ? [text(`Unless its line says otherwise, every duty below (${duties.length}) is `), ...joinFacts(shared), text('. ')] : []),
                ...(usual ? [text('Roles named without letters carry the duty as '), strong(usual), text('.')] : [])
            ];
            return group(
                [strong(file), text(`: ${plural(duties.length, 'duty', 'duties')}`), ...(empty > 0 ? [text(', '), badge('warn', `${empty} carried by no role`)] : [])],
                [
                    ...(said.length > 0 ? [{ kind: 'paragraph', content: said } as const] : []),
                    {
                        kind: 'list', items: duties.map((duty, index) => {
                            const rest = unsharedFacts(facts[index], shared);
                            return [
                                strong(duty.title), text(` (${duty.id}, `), src(duty.source, undefined, true), text(')'),
                                ...(rest.length > 0 ? [text(', '), ...rest] : []), text(': '), ...lineRoles(cellsOf.get(duty.id), usual)
                            ];
                        })
                    }
                ]
            );
        })
    ];
}

export function matrixSection(report: AuditReport): Section {
    const { matrix } = report;
    if (matrix.duties.length === 0) {
        return { id: 'matrix', title: '4. Responsibility matrix', blocks: [{ kind: 'paragraph', content: [text('The policy declares no responsibilities or authorities.')] }] };
    }
    // One pass over the cells, which hold only the letters there are.
    const cellsOf = groupBy(matrix.cells, cell => cell.duty);
    const grid = matrix.roles.length <= GRID_ROLES && matrix.roles.length * matrix.duties.length <= GRID_CELLS;
    return { id: 'matrix', title: '4. Responsibility matrix', blocks: grid ? gridBlocks(report, cellsOf) : listBlocks(report, cellsOf) };
}
