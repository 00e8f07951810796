/**
 * ISO/IEC 27001:2022 as a framework definition: clauses 4.1–10.2 with their lettered
 * items, then the 93 Annex A controls. Policies cite them as `ISO27001:<clause>`.
 */
import type { FrameworkDefinition, RequirementDefinition } from './types.js';
import { ISO27001_CLAUSES } from './iso27001-clauses.js';
import { ISO27001_ANNEX_A, ISO27001_ANNEX_A_THEMES } from './iso27001-annex-a.js';

export { ISO27001_ANNEX_A_THEMES };

/** The numbered sections 4–10, for grouping in listings; headings, not citable requirements. */
export const ISO27001_SECTIONS: ReadonlyArray<{ readonly clause: string; readonly title: string }> = [
    { clause: '4', title: 'Context of the organization' },
    { clause: '5', title: 'Leadership' },
    { clause: '6', title: 'Planning' },
    { clause: '7', title: 'Support' },
    { clause: '8', title: 'Operation' },
    { clause: '9', title: 'Performance evaluation' },
    { clause: '10', title: 'Improvement' }
];

/**
 * The clause an ID is an item of: `6.1.2(c)(2)` → `6.1.2(c)`, `5.3(a)` → `5.3`,
 * `9.2.2` → `9.2`. Only a parent that is itself an entry counts, so `5.3` and `A.5.1`
 * (whose sections are headings) have none.
 */
function parentOf(clause: string, known: ReadonlySet<string>): string | undefined {
    const candidate = clause.endsWith(')') ? clause.slice(0, clause.lastIndexOf('(')) : clause.slice(0, Math.max(0, clause.lastIndexOf('.')));
    return known.has(candidate) ? candidate : undefined;
}

function withParents(entries: ReadonlyArray<readonly [string, string]>): RequirementDefinition[] {
    const known = new Set(entries.map(([clause]) => clause));
    return entries.map(([clause, title]) => {
        const parent = parentOf(clause, known);
        return parent ? { clause, title, parent } : { clause, title };
    });
}

export const ISO27001: FrameworkDefinition = {
    prefix: 'ISO27001',
    name: 'ISO/IEC 27001:2022',
    requirements: withParents([...ISO27001_CLAUSES, ...ISO27001_ANNEX_A])
};
