import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ISO27001 } from '../language/standards/frameworks/iso27001.js';
import { LEGACY_ISO27001, legacyIso27001 } from '../language/standards/frameworks/iso27001-2013.js';

/** The REQUIREMENT terminal as the grammar defines it, so the test follows grammar changes. */
function requirementTerminal(): RegExp {
    const grammar = readFileSync(new URL('../language/mandate.langium', import.meta.url), 'utf8');
    const match = /terminal REQUIREMENT:\s*\/(.+)\/;/.exec(grammar);
    if (!match) throw new Error('terminal REQUIREMENT not found in language/mandate.langium');
    return new RegExp(`^(?:${match[1]})$`);
}

const requirements = ISO27001.requirements;
const byClause = new Map(requirements.map(requirement => [requirement.clause, requirement]));
const fullIds = requirements.map(requirement => `${ISO27001.prefix}:${requirement.clause}`);
const annexA = requirements.filter(requirement => requirement.clause.startsWith('A.'));

function titleProblems(entries: ReadonlyArray<{ readonly title: string }>, label: (index: number) => string): string[] {
    return entries.flatMap((entry, index) => {
        const title = entry.title;
        if (title.trim() === '') return [`${label(index)}: empty title`];
        if (title !== title.trim()) return [`${label(index)}: title has surrounding spaces`];
        if (title.endsWith('.')) return [`${label(index)}: title ends with a period`];
        if (title.length > 120) return [`${label(index)}: title longer than 120 characters`];
        return [];
    });
}

describe('ISO/IEC 27001:2022 catalogue module', () => {
    it('names the framework', () => {
        expect(ISO27001.prefix).toBe('ISO27001');
        expect(ISO27001.name).toBe('ISO/IEC 27001:2022');
    });

    it('has unique IDs the grammar can write unquoted', () => {
        expect(new Set(fullIds).size).toBe(fullIds.length);
        const terminal = requirementTerminal();
        expect(fullIds.filter(id => !terminal.test(id))).toEqual([]);
    });

    it('titles every entry: non-empty, no trailing period, at most 120 characters', () => {
        expect(titleProblems(requirements, index => requirements[index]!.clause)).toEqual([]);
    });

    it('gives each item a parent that exists and that its ID extends', () => {
        const problems = requirements.flatMap(({ clause, parent }) => {
            if (parent === undefined) return [];
            if (!byClause.has(parent)) return [`${clause}: parent ${parent} is not an entry`];
            if (!clause.startsWith(parent) || clause === parent) return [`${clause}: parent ${parent} is not a prefix`];
            return [];
        });
        expect(problems).toEqual([]);
        expect(byClause.get('5.3(a)')?.parent).toBe('5.3');
        expect(byClause.get('9.2.2')?.parent).toBe('9.2');
        expect(byClause.get('9.2.2(b)')?.parent).toBe('9.2.2');
        expect(byClause.get('6.1.2(c)(2)')?.parent).toBe('6.1.2(c)');
        expect(byClause.get('7.5.3')?.parent).toBe('7.5');
        expect(byClause.get('5.3')?.parent).toBeUndefined();
        expect(byClause.get('A.5.24')?.parent).toBeUndefined();
        // Every lettered or sub-numbered item groups under something.
        const items = requirements.filter(r => r.clause.includes('(') || /^\d+\.\d+\.\d+$/.test(r.clause));
        expect(items.filter(r => !r.parent).map(r => r.clause)).toEqual([]);
    });

    it('has every clause and sub-clause of the 2022 edition, and none that it lacks', () => {
        const clauses = [
            '4.1', '4.2', '4.3', '4.4', '5.1', '5.2', '5.3', '6.1', '6.1.1', '6.1.2', '6.1.3', '6.2', '6.3',
            '7.1', '7.2', '7.3', '7.4', '7.5', '7.5.1', '7.5.2', '7.5.3', '8.1', '8.2', '8.3',
            '9.1', '9.2', '9.2.1', '9.2.2', '9.3', '9.3.1', '9.3.2', '9.3.3', '10.1', '10.2'
        ];
        expect(clauses.filter(clause => !byClause.has(clause))).toEqual([]);
        const unnumbered = requirements.filter(r => !r.clause.startsWith('A.') && !r.clause.includes('('));
        expect(unnumbered.map(r => r.clause)).toEqual(clauses);
        // Numbers from the 2013 edition or simply wrong must not resolve.
        const absent = ['5.4', '6.1.4', '7.5.4', '8.4', '9.2.3', '9.4', '10.3', '6.2(m)', '7.4(e)', '9.2.2(d)', '5.3(c)', '6.1.3(g)'];
        expect(absent.filter(clause => byClause.has(clause))).toEqual([]);
    });

    it('has the lettered items auditors cite', () => {
        const cited = [
            '4.2(c)', '5.1(a)', '5.1(h)', '5.2(a)', '5.2(g)', '5.3(a)', '5.3(b)',
            '6.1.2(c)(2)', '6.1.3(a)', '6.1.3(b)', '6.1.3(c)', '6.1.3(d)', '6.1.3(e)', '6.1.3(f)',
            '6.2(j)', '6.2(l)', '7.2(d)', '7.3(c)', '7.4(d)', '7.5.3(f)', '9.1(f)',
            '9.2.1(a)(2)', '9.2.2(a)', '9.2.2(c)', '9.3.2(c)', '9.3.2(d)(4)', '9.3.2(g)', '10.2(b)(3)', '10.2(g)'
        ];
        expect(cited.filter(clause => !byClause.has(clause))).toEqual([]);
    });

    it('has exactly the 93 Annex A controls, numbered without gaps in each theme', () => {
        expect(annexA).toHaveLength(93);
        const themes: ReadonlyArray<readonly [string, number]> = [['5', 37], ['6', 8], ['7', 14], ['8', 34]];
        for (const [theme, count] of themes) {
            const expected = Array.from({ length: count }, (_, index) => `A.${theme}.${index + 1}`);
            expect(annexA.filter(r => r.clause.startsWith(`A.${theme}.`)).map(r => r.clause)).toEqual(expected);
        }
    });

    it('keeps the IDs and titles the rules, report goldens and tests quote', () => {
        const kept: Record<string, string> = {
            '5.1': 'Top management shows leadership and commitment to the ISMS',
            '5.3(a)': 'A role is assigned to make the ISMS conform to the standard',
            '5.3(b)': 'A role is assigned to report ISMS performance to top management',
            '7.2': 'People doing security work are competent, and that is evidenced',
            '7.3': 'People are aware of the policy, their contribution and the consequences of not conforming',
            '7.4': 'What is communicated about the ISMS, when, to whom and by whom is decided',
            '7.5': 'ISMS documentation is created, controlled and kept',
            '9.3': 'Top management reviews the ISMS at planned intervals',
            'A.5.2': 'Security roles and responsibilities are defined and allocated',
            'A.5.3': 'Conflicting duties and areas of responsibility are segregated',
            'A.5.4': 'Management requires everyone to apply security per policy',
            'A.6.2': 'Employment terms state security responsibilities',
            'A.6.3': 'Staff receive security awareness, education and training',
            'A.6.5': 'Security duties that outlast employment are defined and enforced'
        };
        const actual = Object.fromEntries(Object.keys(kept).map(clause => [clause, byClause.get(clause)?.title]));
        expect(actual).toEqual(kept);
    });
});

describe('ISO/IEC 27001:2013 Annex A numbering', () => {
    it('knows all 114 controls of the 2013 edition, per section', () => {
        expect(LEGACY_ISO27001).toHaveLength(114);
        const ids = LEGACY_ISO27001.map(control => control.id);
        expect(new Set(ids).size).toBe(ids.length);
        const perSection = new Map<string, number>();
        for (const id of ids) {
            const section = /^ISO27001:A\.(\d+)\.\d+\.\d+$/.exec(id)?.[1] ?? `malformed ${id}`;
            perSection.set(section, (perSection.get(section) ?? 0) + 1);
        }
        expect(Object.fromEntries(perSection)).toEqual({
            5: 2, 6: 7, 7: 6, 8: 10, 9: 14, 10: 2, 11: 15, 12: 14, 13: 7, 14: 13, 15: 5, 16: 7, 17: 4, 18: 8
        });
    });

    it('has IDs the grammar can write, titled like the 2022 ones', () => {
        const terminal = requirementTerminal();
        expect(LEGACY_ISO27001.filter(control => !terminal.test(control.id)).map(c => c.id)).toEqual([]);
        expect(titleProblems(LEGACY_ISO27001, index => LEGACY_ISO27001[index]!.id)).toEqual([]);
    });

    it('maps every control to at least one 2022 Annex A control that exists', () => {
        const known = new Set(fullIds);
        const problems = LEGACY_ISO27001.flatMap(control => control.mapsTo.length === 0
            ? [`${control.id}: no mapping`]
            : control.mapsTo.filter(target => !known.has(target) || !target.startsWith('ISO27001:A.')).map(target => `${control.id} → ${target}`));
        expect(problems).toEqual([]);
    });

    it('leaves unmapped exactly the eleven controls new in 2022', () => {
        const mapped = new Set(LEGACY_ISO27001.flatMap(control => control.mapsTo));
        const unmapped = annexA.map(r => `ISO27001:${r.clause}`).filter(id => !mapped.has(id));
        expect(unmapped).toEqual(['A.5.7', 'A.5.23', 'A.5.30', 'A.7.4', 'A.8.9', 'A.8.10', 'A.8.11', 'A.8.12', 'A.8.16', 'A.8.23', 'A.8.28']
            .map(clause => `ISO27001:${clause}`));
    });

    it('looks up a full 2013 ID and nothing else', () => {
        expect(legacyIso27001('ISO27001:A.16.1.1')).toEqual({
            id: 'ISO27001:A.16.1.1', title: 'Incident management responsibilities and procedures', mapsTo: ['ISO27001:A.5.24']
        });
        expect(legacyIso27001('ISO27001:A.18.2.3')?.mapsTo).toEqual(['ISO27001:A.5.36', 'ISO27001:A.8.8']);
        expect(legacyIso27001('ISO27001:A.6.1.2')?.mapsTo).toEqual(['ISO27001:A.5.3']);
        expect(legacyIso27001('ISO27001:A.5.24')).toBeUndefined();
        expect(legacyIso27001('A.16.1.1')).toBeUndefined();
        expect(legacyIso27001('ISO27001:A.19.1.1')).toBeUndefined();
    });
});
