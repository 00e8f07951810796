/** Versioned job descriptions and the dates of external engagements. */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { jobDescriptionOn } from '../language/workspace/job-descriptions.js';
import { AS_OF, check, where, withEdit } from './helpers.js';

const VERSIONS = `role ciso "Chief Information Security Officer" {
    job description "docs/roles/ciso-v1.md" version "1.0" effective 2022-01-01
    job description "docs/roles/ciso-v2.md" version "2.0" effective 2025-01-01
    job description "docs/roles/ciso-v3.md" version "3.0" effective 2026-01-01
}
`;

async function roleOf(text: string) {
    const { services } = await checkSources([{ uri: 'file:///ws/roles.mandate', text }], { asOf: AS_OF });
    return services.shared.mandate.WorkspaceModel.get().roles[0];
}

describe('job description versions', () => {
    it('picks the version with the latest effective date on or before the date', async () => {
        const role = await roleOf(VERSIONS);
        expect(jobDescriptionOn(role, '2021-12-31')).toBeUndefined();
        expect(jobDescriptionOn(role, '2022-01-01')?.version).toBe('1.0');
        expect(jobDescriptionOn(role, AS_OF)?.version).toBe('2.0');
        expect(jobDescriptionOn(role, '2026-01-01')?.path).toBe('docs/roles/ciso-v3.md');
    });

    it('treats an undated version as in force from the start, and a dated one as replacing it', async () => {
        const role = await roleOf('role r "R" {\n    job description "a.md"\n    job description "b.md" version "2" effective 2025-03-01\n}\n');
        expect(jobDescriptionOn(role, '2025-02-28')?.path).toBe('a.md');
        expect(jobDescriptionOn(role, '2025-03-01')?.path).toBe('b.md');
    });

    it('checks effective dates for the calendar, but accepts a version that takes effect later', async () => {
        const files = withEdit('roles.mandate', text => text.replace('designated CISO', 'designated CISO\n    job description "jd.md" version "2" effective 2025-02-30\n    job description "jd3.md" version "3" effective 2026-01-01'));
        const findings = await check(files);
        expect(where(findings, 'date-invalid')).toEqual(['roles.mandate:4']);
        expect(where(findings, 'date-in-future')).toEqual([]);
    });
});

describe('engagement dates of externals', () => {
    it('are checked like employment dates', async () => {
        const files = withEdit('people.mandate', text => text.replace('employed since 2020-01-01',
            'external "Contoso"\n    engaged since 2026-01-01 until 2025-12-31'));
        const findings = await check(files);
        expect(where(findings, 'date-range-invalid')).toEqual(['people.mandate:5']);
        expect(where(findings, 'date-in-future')).toEqual(['people.mandate:5']);
    });
});
