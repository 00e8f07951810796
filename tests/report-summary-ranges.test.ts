/**
 * The summary names the requirements not met in full with runs written as ranges
 * (language/report/id-ranges.ts): a range stands for exactly the requirements between its ends.
 */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { buildReport } from '../language/report/build-report.js';
import { compactIds, type StatusOfId } from '../language/report/id-ranges.js';
import type { AuditReport } from '../language/report/report-model.js';
import { renderHtml } from '../language/report/render-html.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import { AS_OF, CLEAN_POLICY, type Files } from './helpers.js';

const entry = (id: string, status: string): StatusOfId => ({ id, framework: id.slice(0, id.indexOf(':')), status });

/** The IDs a compact text stands for, read back over the requirements in catalogue order. */
function expand(texts: readonly string[], requirements: readonly StatusOfId[]): string[] {
    const ids: string[] = [];
    for (const text of texts) {
        const framework = text.slice(0, text.indexOf(': '));
        const ofFramework = requirements.filter(requirement => requirement.framework === framework).map(requirement => requirement.id);
        for (const part of text.slice(framework.length + 2).split(', ')) {
            const [first, last] = part.split('–');
            const from = ofFramework.indexOf(`${framework}:${first}`);
            const to = last === undefined ? from : ofFramework.indexOf(`${framework}:${last}`);
            expect(from, part).toBeGreaterThanOrEqual(0);
            expect(to, part).toBeGreaterThanOrEqual(from);
            ids.push(...ofFramework.slice(from, to + 1));
        }
    }
    return ids;
}

async function reportOf(files: Files): Promise<AuditReport> {
    const checked = await checkSources(Object.entries(files).map(([name, text]) => ({ uri: `file:///ws/${name}`, text })), { asOf: AS_OF });
    return buildReport(checked.services.shared, checked.findings, { toolVersion: '0.1.0', generatedAt: '2025-06-30T00:00:00Z' });
}

describe('compactIds', () => {
    it('writes a run of three or more under one parent as a range, and shorter runs one by one', () => {
        const requirements = ['4.1', '4.2', '4.3', '4.4', '5.1', '5.2', '5.3', '6.1', 'A.5.1', 'A.5.2', 'A.5.3', 'A.5.4', 'A.6.1']
            .map(id => entry(`ISO27001:${id}`, id === '5.3' || id === 'A.5.2' ? 'met' : 'not-met'));
        expect(compactIds(requirements, 'not-met')).toEqual(['ISO27001: 4.1–4.4, 5.1, 5.2, 6.1, A.5.1, A.5.3, A.5.4, A.6.1']);
        expect(compactIds(requirements, 'met')).toEqual(['ISO27001: 5.3, A.5.2']);
        expect(compactIds(requirements, 'partly-met')).toEqual([]);
    });

    it('never lets a range cross a requirement of another status, another parent or another framework', () => {
        const requirements = [
            entry('NIST-CSF:GV.RR-01', 'not-met'), entry('NIST-CSF:GV.RR-02', 'not-met'), entry('NIST-CSF:GV.RR-03', 'not-met'),
            entry('NIST-CSF:GV.RR-04', 'not-met'), entry('NIST-CSF:GV.PO-01', 'not-met'), entry('NIST-CSF:GV.PO-02', 'not-met'),
            entry('SOC2:CC1.1', 'not-met'), entry('SOC2:CC1.2', 'not-met'), entry('SOC2:CC1.3', 'met'), entry('SOC2:CC1.4', 'not-met'),
            entry('SOC2:CC1.5', 'not-met'), entry('SOC2:CC2.1', 'not-met')
        ];
        expect(compactIds(requirements, 'not-met')).toEqual(['NIST-CSF: GV.RR-01–GV.RR-04, GV.PO-01, GV.PO-02', 'SOC2: CC1.1, CC1.2, CC1.4, CC1.5, CC2.1']);
    });
});

describe('the summary of a report', () => {
    it('names every requirement not met in full, and only those, with ranges in catalogue order', async () => {
        // No statement of applicability: ISO 27001 is assessed in full, and most of it is not met.
        const report = await reportOf({ ...CLEAN_POLICY, 'people.mandate': CLEAN_POLICY['people.mandate'].replace(/\s*announced .*/, '') });
        const requirements = report.summary.requirements;
        const notMet = requirements.filter(requirement => requirement.status === 'not-met').map(requirement => requirement.id);
        const partly = requirements.filter(requirement => requirement.status === 'partly-met').map(requirement => requirement.id);
        expect(notMet.length).toBeGreaterThan(50);
        expect(partly.length).toBeGreaterThan(0);
        const markdown = renderMarkdown(report);
        const line = (label: string) => markdown.split('\n').find(text => text.startsWith(`- **${label}`)) ?? '';
        const listed = (label: string) => line(label).slice(line(label).indexOf('**: ') + 4).split('; ');
        expect(line('❌ Not met')).toContain(`Not met (${notMet.length})`);
        expect(line('❌ Not met')).toContain('A.8.1–A.8.34');
        expect(line('❌ Not met').length).toBeLessThan(300);
        expect(expand(listed('❌ Not met'), requirements)).toEqual(notMet);
        expect(expand(listed('⚠️ Partly met'), requirements)).toEqual(partly);
        expect(await renderHtml(report)).toContain('A.8.1–A.8.34');
    });
});
