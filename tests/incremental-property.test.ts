import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextFolder } from './folder-helpers.js';
import { splicedLinking } from '../language/statement-edit/spliced-links.js';
import { statementReparse } from '../language/statement-edit/statement-reparse.js';
import { CLEAN_POLICY } from './helpers.js';
import { EditGenerator, Random, type Step, type Texts } from './random-edits.js';
import { Workspace } from './workspace-helpers.js';

/**
 * The incremental build must always equal a cold build. Random edit sequences go through the
 * language server's update path (the document builder, under the workspace lock, with bursts
 * that cancel each other as fast typing does), and after every step each document's diagnostics
 * are compared with a fresh build of the same texts.
 *
 * Locally, run thousands of edits: MANDATE_PROPERTY_EDITS=5000 MANDATE_PROPERTY_SEED=7 npx vitest run tests/incremental-property.test.ts
 */
const EDITS = Number(process.env.MANDATE_PROPERTY_EDITS) || 0;
const SEED = Number(process.env.MANDATE_PROPERTY_SEED) || 1;

const STATEMENT_MIN_LENGTH = statementReparse.minLength;

const ACME = readTextFolder(join(import.meta.dirname, '..', 'examples', 'acme'));

/** Two teams, a training programme, delegations and an appointing authority: small, and every rule has something to read. */
const TEAMS: Record<string, string> = {
    ...CLEAN_POLICY,
    'training.mandate': `training awareness "Security awareness" {
    audience everyone
    every year
    satisfies ISO27001:7.3
}
training ops-basics "Operations basics" {
    audience ops
}
completed awareness by jane on 2025-01-10
`,
    'ops.mandate': `role ops "Operations lead" {
    reports to ciso
    key role
    requires deputy
    deputy ops-deputy
    accountable for patching
    authorized to appoint-ops
}
role ops-deputy "Operations deputy" { reports to ops }
responsibility patching "Patch the servers" { satisfies ISO27001:A.5.2 }
authority appoint-ops "Appoint operations staff" { may appoint ops-deputy }
person omar "Omar" { employed since 2021-01-01 }
person lea "Lea" { employed since 2022-01-01 }
assign omar to ops since 2023-01-01 appointed by board { announced 2023-01-02 via email to all-staff }
assign lea to ops-deputy since 2023-06-01 appointed by omar { announced 2023-06-01 via email to all-staff }
delegate patching from ops to lea since 2024-01-01
conflict between ops and patching "Who patches does not approve"
completed awareness by omar on 2025-02-01
`
};

interface Run {
    readonly name: string;
    readonly files: Record<string, string>;
    readonly edits: number;
    /** Edits inside one statement parse that statement alone (language/statement-edit/), as in a large file. */
    readonly spliced?: boolean;
}

const RUNS: Run[] = [
    { name: 'examples/acme', files: ACME, edits: EDITS || 25 },
    { name: 'two teams', files: TEAMS, edits: EDITS || 40 },
    { name: 'two teams, statements parsed alone', files: TEAMS, edits: EDITS || 60, spliced: true },
    { name: 'examples/acme, statements parsed alone', files: ACME, edits: EDITS || 60, spliced: true }
];

/** Lines only in one of the two builds, per file, or an empty list when they agree. */
function differences(incremental: Map<string, string[]>, cold: Map<string, string[]>): string[] {
    const result: string[] = [];
    for (const name of [...new Set([...incremental.keys(), ...cold.keys()])].sort()) {
        const mine = incremental.get(name);
        const theirs = cold.get(name);
        if (!mine || !theirs) {
            result.push(`${name}: ${mine ? 'only in the incremental build' : 'only in the cold build'}`);
            continue;
        }
        for (const line of mine.filter(line => !theirs.includes(line))) result.push(`${name}: incremental only: ${line}`);
        for (const line of theirs.filter(line => !mine.includes(line))) result.push(`${name}: cold only: ${line}`);
        if (result.length === 0 && mine.join('\n') !== theirs.join('\n')) result.push(`${name}: same lines, different counts`);
    }
    return result;
}

async function expectSameAsCold(workspace: Workspace, texts: Texts, others: Record<string, string>, log: string[], seed: number): Promise<void> {
    const cold = await Workspace.open({ ...others, ...Object.fromEntries(texts) });
    const diff = differences(workspace.diagnostics(), cold.diagnostics());
    if (diff.length > 0) {
        expect.fail(`After ${log.length} steps (seed ${seed}) the incremental build differs from a cold build:\n  ${diff.join('\n  ')}\nSteps:\n  ${log.join('\n  ')}`);
    }
}

async function apply(workspace: Workspace, steps: Step[]): Promise<void> {
    await workspace.burst(steps.flatMap(step => step.changes));
}

async function randomEdits(run: Run, seed: number): Promise<void> {
    const others = Object.fromEntries(Object.entries(run.files).filter(([name]) => !name.endsWith('.mandate')));
    const texts: Texts = new Map(Object.entries(run.files).filter(([name]) => name.endsWith('.mandate')));
    const workspace = await Workspace.open(run.files);
    const random = new Random(seed);
    const generator = new EditGenerator(texts, new Map(texts), random, run.spliced);
    const log: string[] = [];
    for (let done = 0; done < run.edits;) {
        // One step in six is a burst of edits that cancel each other's builds, as typing does.
        const steps = Array.from({ length: random.chance(1 / 6) ? 2 + random.int(3) : 1 }, () => generator.next());
        log.push(...steps.map(step => (steps.length > 1 ? '(burst) ' : '') + step.label));
        done += steps.length;
        await apply(workspace, steps);
        await expectSameAsCold(workspace, texts, others, log, seed);
    }
    const restore = generator.restoreAll();
    log.push(restore.label);
    await apply(workspace, [restore]);
    await expectSameAsCold(workspace, texts, others, log, seed);
}

describe('incremental builds equal cold builds after random edits', () => {
    for (const run of RUNS) {
        it(`${run.name}: ${run.edits} edits, seed ${SEED}`, async () => {
            const [spliced, kept] = [statementReparse.spliced, splicedLinking.kept];
            if (run.spliced) statementReparse.minLength = 0;
            try {
                await randomEdits(run, SEED);
            } finally {
                statementReparse.minLength = STATEMENT_MIN_LENGTH;
            }
            // The edits went that way, or the run proves nothing about it.
            if (run.spliced) expect(statementReparse.spliced - spliced).toBeGreaterThan(run.edits / 10);
            if (run.spliced) expect(splicedLinking.kept - kept).toBeGreaterThan(run.edits / 10);
        }, Math.max(600_000, EDITS * 200)); // thousands of edits (see above) get the time they need
    }
});
