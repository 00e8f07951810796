/**
 * duplicate-name and confusable-name find repeated and look-alike names through a merge carried
 * from the last workspace snapshot (util/multi-map.ts). The groups it knows come in the order they
 * arose in the editing session; the findings must still come in the order a cold build lists them:
 * by each name's first declaration in model order.
 */
import { describe, expect, it } from 'vitest';
import { checkSources } from '../language/engine/check-sources.js';
import { AS_OF, CLEAN_POLICY } from './helpers.js';
import { diagnosticLine, Workspace } from './workspace-helpers.js';

const PERSON = (name: string, title: string) => `person ${name} "${title}" {\n    employed since 2020-01-01\n}\n`;

function diagnostics(workspace: Workspace): Map<string, string[]> {
    const result = new Map<string, string[]>();
    for (const document of workspace.shared.workspace.LangiumDocuments.all) result.set(document.uri.path, (document.diagnostics ?? []).map(diagnosticLine));
    return result;
}

describe('repeated and look-alike names found after edits', () => {
    it('are listed in the order of their first declaration, as a cold build lists them', async () => {
        const files: Record<string, string> = {
            ...CLEAN_POLICY,
            'a.mandate': PERSON('amy', 'Amy Adams'),
            'b.mandate': PERSON('xavier', 'Xavier Young') + PERSON('mark', 'Mark Bell'),
            'c.mandate': PERSON('zed', 'Zed Zimmer'),
            // Enough other files that an edit to one merges that file's names into the last merge, rather than all names afresh.
            ...Object.fromEntries(Array.from({ length: 12 }, (_, index) => [`other-${index}.mandate`, PERSON(`other${index}`, `Other Person ${index}`)]))
        };
        const workspace = await Workspace.open(files, AS_OF);
        const steps: Array<[string, string]> = [
            // xavier twice (b, c), and mark's look-alike rnark in c: groups first seen in b.
            ['c.mandate', PERSON('zed', 'Zed Zimmer') + PERSON('xavier', 'Xavier Young II') + PERSON('rnark', 'Marcus Bell')],
            // Then zed twice (a, c), amy's look-alike arny in c, and a title like Zed's in a: groups whose first declaration is in a.
            ['a.mandate', PERSON('amy', 'Amy Adams') + PERSON('zed', 'Zed Zimmerman') + PERSON('ann', 'Zed Zirnmer')],
            ['c.mandate', PERSON('zed', 'Zed Zimmer') + PERSON('xavier', 'Xavier Young II') + PERSON('rnark', 'Marcus Bell') + PERSON('arny', 'Arny')],
            // One group goes away, and comes back.
            ['b.mandate', PERSON('mark', 'Mark Bell')],
            ['b.mandate', PERSON('xavier', 'Xavier Young') + PERSON('mark', 'Mark Bell')]
        ];
        for (const [name, text] of steps) {
            await workspace.write(name, text);
            files[name] = text;
            const cold = await Workspace.open(files, AS_OF);
            expect(diagnostics(workspace), `after writing ${name}`).toEqual(diagnostics(cold));
        }
        const c = [...diagnostics(workspace)].find(([path]) => path.endsWith("/c.mandate"))?.[1] ?? [];
        // The groups of a's names come first in c, although they arose after those of b's.
        const zed = c.findIndex(line => line.includes("The name 'zed' is also declared"));
        const xavier = c.findIndex(line => line.includes("The name 'xavier' is also declared"));
        const arny = c.findIndex(line => line.includes('The name `arny` looks like'));
        const rnark = c.findIndex(line => line.includes('The name `rnark` looks like'));
        expect(Math.min(zed, xavier, arny, rnark)).toBeGreaterThanOrEqual(0);
        expect(zed).toBeLessThan(xavier);
        expect(arny).toBeLessThan(rnark);
    });
});

describe('look-alike names in a one-shot check', () => {
    it('are the findings the editor shows, as are repeated names: one map of keys and one of names for the whole run, none per tree merged', async () => {
        const files: Record<string, string> = {
            ...CLEAN_POLICY,
            // mil, rnil and mi1 look alike across three files; two titles alike in two; one name once (its key alone).
            'a.mandate': PERSON('mil', 'Mark Bell') + PERSON('amy', 'Zed Zimmer'),
            'b.mandate': PERSON('rnil', 'Marcus Bell') + PERSON('solo', 'Solo Person'),
            'c.mandate': PERSON('mi1', 'Zed Zirnmer') + PERSON('xavier', 'Xavier Young'),
            // xavier three times, twice in one file.
            'd.mandate': PERSON('xavier', 'Xavier Young II') + PERSON('xavier', 'Xavier Young III')
        };
        const rules = ['confusable-name', 'duplicate-name'];
        const editor = await Workspace.open(files, AS_OF);
        const shown = [...diagnostics(editor)].flatMap(([path, lines]) => lines.flatMap(line => rules.filter(rule => line.includes(` ${rule} `))
            .map(rule => `${path.slice(path.lastIndexOf('/') + 1)} ${line.split(' ')[0].split(':')[0]} ${line.slice(line.indexOf(` ${rule} `) + rule.length + 2).replace(/ \[.*$/, '')}`)));
        const checked = (await checkSources(Object.entries(files).map(([name, text]) => ({ uri: `file:///w/${name}`, text })), { asOf: AS_OF })).findings
            .filter(finding => rules.includes(finding.rule))
            .map(finding => `${finding.uri.slice(finding.uri.lastIndexOf('/') + 1)} ${finding.line} ${finding.message}`);
        expect(checked.sort()).toEqual(shown.sort());
        // mil, rnil and mi1; amy's and mi1's titles.
        expect(checked.filter(line => line.includes('The name `'))).toHaveLength(3);
        expect(checked.filter(line => line.includes('title'))).toHaveLength(2);
        expect(checked.filter(line => line.includes("The name 'xavier' is also declared"))).toHaveLength(3);
    });
});
