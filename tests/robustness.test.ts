import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, CLEAN_POLICY } from './helpers.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const example = readme.split('## The language in one example')[1].split('```')[1];

/** Every prefix of `text` that ends at a line end or in the middle of a line: what a file looks like while typed. */
function prefixes(text: string): string[] {
    const cuts = new Set<number>();
    let offset = 0;
    for (const line of text.split('\n')) {
        cuts.add(offset + Math.floor(line.length / 2));
        offset += line.length + 1;
        cuts.add(offset - 1);
    }
    return [...cuts].sort((a, b) => a - b).map(cut => text.slice(0, cut));
}

describe('half-written policies', () => {
    it('never make a check fail internally, whatever prefix of a file is being typed', async () => {
        const failures: string[] = [];
        for (const prefix of prefixes(example)) {
            const findings = await check({ ...CLEAN_POLICY, 'typing.mandate': prefix });
            const internal = findings.filter(finding => finding.message.includes('An error occurred') || finding.rule === 'mandate');
            if (internal.length > 0) failures.push(`after ${JSON.stringify(prefix.slice(-40))}: ${internal[0].message}`);
        }
        expect(failures).toEqual([]);
    });

    it('report lone keywords as syntax errors only', async () => {
        for (const keyword of ['assign', 'assign jane', 'assign jane to', 'delegate', 'completed', 'conflict between', 'role', 'role x']) {
            const findings = await check({ 'a.mandate': keyword });
            expect(findings.filter(finding => finding.rule === 'mandate')).toEqual([]);
            expect(findings.some(finding => finding.rule === 'parsing-error')).toBe(true);
        }
    });
});

describe('declarations whose name did not parse', () => {
    it('are not declared, so no finding calls them undefined (found by the fuzz suite)', async () => {
        const findings = await check({
            'a.mandate': 'organization delegate "Acme"\norganization appointed "Second"\nrole role "CISO" { designated CISO key role }\n'
                + 'authority appointed "Appoint" { activity no-such-activity }\ntraining training "Awareness" { audience everyone }\nperson jane "Jane"\n'
        });
        expect(findings.some(finding => finding.rule === 'parsing-error')).toBe(true);
        expect(findings.filter(finding => /undefined/.test(finding.message)).map(finding => `${finding.rule}: ${finding.message}`)).toEqual([]);
    });
});
