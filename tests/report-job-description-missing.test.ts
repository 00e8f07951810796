/**
 * A job description in force whose file is not in the workspace (evidence-missing) was shown in Q4
 * and section 3 as a live link to the CISO's document in force. The report now flags it
 * (`jobDescriptionMissing`), names it as plain text with a marker, and Q4 says the document in force
 * cannot be produced. A folder on disk, so paths resolve as the CLI resolves them; fixed as-of dates.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../language/report/render-html.js';
import { renderJson } from '../language/report/render-json.js';
import { renderMarkdown } from '../language/report/render-markdown.js';
import type { AuditReport } from '../language/report/report-model.js';
import { checkFolder, reportOfFolder } from './folder-helpers.js';
import { CLEAN_POLICY } from './helpers.js';

/** CLEAN_POLICY in one file, the CISO with three versions of its job description, the last of which is missing. */
const POLICY = Object.values(CLEAN_POLICY).join('\n').replace('    designated CISO\n    reports to board\n', [
    '    designated CISO', '    reports to board',
    '    job description "docs/ciso-v1.md" version "1.0" effective 2023-01-01',
    '    job description "docs/ciso-v2.md" version "2.0" effective 2024-01-01',
    '    job description "docs/ciso-v3.md" version "3.0" effective 2025-06-01', ''
].join('\n'));

let folder: string;

beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'mandate-job-description-'));
    mkdirSync(path.join(folder, 'docs'));
    writeFileSync(path.join(folder, 'policy.mandate'), POLICY);
    writeFileSync(path.join(folder, 'docs', 'ciso-v1.md'), '# CISO v1\n');
    writeFileSync(path.join(folder, 'docs', 'ciso-v2.md'), '# CISO v2\n');
    // The appointment's evidence in CLEAN_POLICY.
    mkdirSync(path.join(folder, 'minutes'));
    writeFileSync(path.join(folder, 'minutes', '2024-02-board.pdf'), 'minutes\n');
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

function ciso(report: AuditReport) {
    return report.roles.find(entry => entry.role.id === 'ciso')!;
}

describe('a job description in force whose file does not exist', () => {
    it('is flagged, shown as plain text with a marker, and Q4 says it cannot be produced, as evidence-missing says', async () => {
        const findings = (await checkFolder(folder)).findings.filter(finding => finding.rule === 'evidence-missing');
        expect(findings.map(finding => finding.message)).toEqual([expect.stringContaining("'docs/ciso-v3.md' does not exist")]);
        const report = await reportOfFolder(folder);
        expect(ciso(report)).toMatchObject({ jobDescription: 'docs/ciso-v3.md', jobDescriptionVersion: '3.0', jobDescriptionMissing: true });
        // Q4 is not answered in full while its document cannot be produced.
        expect(report.questions.cisoReporting.answer).toBe('partly');
        expect(report.questions.cisoReporting.summary).toContain('Its job description in force, docs/ciso-v3.md, is not in the workspace, so it cannot be produced');
        expect(JSON.parse(renderJson(report)).roles.find((entry: { role: { id: string } }) => entry.role.id === 'ciso').jobDescriptionMissing).toBe(true);

        const markdown = renderMarkdown(report);
        expect(markdown).not.toContain('[docs/ciso-v3.md](');
        const q4 = markdown.slice(markdown.indexOf('### Q4.'), markdown.indexOf('## 3.'));
        expect(q4).toContain('The job description in force cannot be produced');
        expect(q4).toContain('`docs/ciso-v3.md`, version 3.0, effective 2025-06-01, in force on 2025-06-30 **❌ file not found in the workspace**');
        const roles = markdown.slice(markdown.indexOf('## 3.'), markdown.indexOf('## 4.'));
        expect(roles).toContain('`docs/ciso-v3.md`, version 3.0, effective 2025-06-01, in force on 2025-06-30 **❌ file not found in the workspace**');

        const html = await renderHtml(report);
        expect(html).not.toMatch(/href="[^"]*ciso-v3/);
        expect(html.match(/file not found in the workspace/g)).toHaveLength(2);
        expect(html).toContain('The job description in force cannot be produced');
    });

    it('is linked as before when the version in force exists', async () => {
        const report = await reportOfFolder(folder, '2025-03-31');
        expect(ciso(report)).toMatchObject({ jobDescription: 'docs/ciso-v2.md', jobDescriptionFile: 'docs/ciso-v2.md' });
        expect(ciso(report)).not.toHaveProperty('jobDescriptionMissing');
        const markdown = renderMarkdown(report);
        expect(markdown).toContain('[docs/ciso-v2.md](../docs/ciso-v2.md), version 2.0');
        expect(await renderHtml(report)).toMatch(/<a[^>]*href="[^"]*docs\/ciso-v2\.md"[^>]*>docs\/ciso-v2\.md<\/a>, version 2\.0/);
        expect(markdown).not.toContain('file not found in the workspace');
        expect(markdown).not.toContain('cannot be produced');
        expect(report.questions.cisoReporting.answer).toBe('yes');
    });
});
