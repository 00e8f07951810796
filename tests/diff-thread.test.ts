/**
 * A side of `mandate diff` built in a worker thread (cli/diff-thread.ts): its facts are plain data
 * that cross threads unchanged, the worker is the shipped CLI bundle running the same engine, and a
 * worker that fails or stops is an error with a clear message, never a hang.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSideFacts, resolveSides } from '../cli/diff-sides.js';
import { startSide } from '../cli/diff-thread.js';
import { InputError } from '../cli/files.js';
import { ROOT } from './cli-helpers.js';
import { gitRepositories } from './git-fixture.js';
import { AS_OF, CLEAN_POLICY } from './helpers.js';

const repository = gitRepositories('mandate-diff-thread-');
/** The CLI bundle itself (`npm run bundle` first), which a worker starts. */
const BUNDLE = path.join(ROOT, 'out', 'cli', 'mandate-cli.cjs');
const scripts = mkdtempSync(path.join(tmpdir(), 'mandate-diff-thread-scripts-'));
afterAll(() => rmSync(scripts, { recursive: true, force: true }));

/** Where a value holds anything but plain data (primitives, arrays, plain objects, Maps and Sets), or undefined. */
function notPlain(value: unknown, at = 'facts'): string | undefined {
    if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return undefined;
    if (typeof value !== 'object') return `${at} is a ${typeof value}`;
    if (value instanceof Map) return [...value].map(([key, item]) => notPlain(key, `${at} key`) ?? notPlain(item, `${at}.get(${String(key)})`)).find(Boolean);
    if (value instanceof Set) return [...value].map(item => notPlain(item, `${at} item`)).find(Boolean);
    if (Array.isArray(value)) return value.map((item, i) => notPlain(item, `${at}[${i}]`)).find(Boolean);
    if (Object.getPrototypeOf(value) !== Object.prototype) return `${at} is a ${value.constructor.name}`;
    if ('$type' in value || '$container' in value) return `${at} is an AST node`;
    return Object.entries(value).map(([key, item]) => notPlain(item, `${at}.${key}`)).find(Boolean);
}

describe('a diff side in a worker thread', { timeout: 120_000 }, () => {
    const repo = repository();
    repo.commit({
        ...CLEAN_POLICY,
        'team.mandate': 'person bob "Bob" {\n    employed since 2021-01-01\n}\nrole auditor "Auditor" {\n    responsible for audit\n}\n'
            + 'responsibility audit "Audit"\nassign bob to auditor since 2024-01-01\ndelegate audit from auditor to jane since 2025-01-01\n'
            + 'conflict between ciso and auditor "Independence" {\n    compensated by "board review"\n}\n'
    }, 'policy', '2025-01-10');
    repo.commit({ 'mandate.config.json': '{ "rules": ' }, 'broken configuration', '2025-02-01');
    const options = { asOf: AS_OF };

    it('has facts of plain data only, which a structured clone keeps as they are', async () => {
        const [side] = await resolveSides('HEAD~1', 'HEAD', repo.folder);
        const { facts } = await buildSideFacts(side, options);
        expect(facts.roles.size).toBeGreaterThan(1);
        expect(facts.delegations.size).toBe(1);
        expect(facts.conflicts.size).toBe(1);
        expect(notPlain(facts)).toBeUndefined();
        expect(structuredClone(facts)).toEqual(facts);
    });

    it('builds the side in the CLI bundle with the same result as this thread', async () => {
        const [side] = await resolveSides('HEAD~1', 'HEAD', repo.folder);
        const pending = startSide({ source: side }, options, BUNDLE);
        try {
            expect(await pending.result()).toEqual(await buildSideFacts(side, options));
        } finally {
            await pending.stop();
        }
    });

    it('raises the input error of the side in this thread, named by the revision', async () => {
        const [, broken] = await resolveSides('HEAD~1', 'HEAD', repo.folder);
        const pending = startSide({ source: broken }, options, BUNDLE);
        const error = await pending.result().catch((failure: unknown) => failure);
        expect(error).toBeInstanceOf(InputError);
        expect((error as Error).message).toMatch(/^HEAD:mandate\.config\.json:1:\d+: /);
    });

    it('rejects with a clear message when the worker throws or exits before it answers', async () => {
        const [side] = await resolveSides('HEAD~1', 'HEAD', repo.folder);
        const throws = path.join(scripts, 'throws.cjs');
        writeFileSync(throws, "throw new Error('no engine here');\n");
        await expect(startSide({ source: side }, options, throws).result()).rejects.toThrow('the thread building HEAD~1 failed: no engine here');
        const exits = path.join(scripts, 'exits.cjs');
        writeFileSync(exits, 'process.exit(3);\n');
        await expect(startSide({ source: side }, options, exits).result()).rejects.toThrow('the thread building HEAD~1 stopped before it finished (exit code 3)');
        const silent = path.join(scripts, 'silent.cjs');
        writeFileSync(silent, '// ends without a word\n');
        await expect(startSide({ source: side }, options, silent).result()).rejects.toThrow('stopped before it finished (exit code 0)');
    });

    it('builds the side in this thread without a bundle to start (the CLI running from its sources), and fails clearly on a missing one', async () => {
        const [side] = await resolveSides('HEAD~1', 'HEAD', repo.folder);
        const missing = startSide({ source: side }, options, path.join(scripts, 'no-such-file.cjs'));
        // A script that is not there fails the worker as it starts: an error, not a silent fallback.
        await expect(missing.result()).rejects.toThrow(/the thread building HEAD~1 failed/);
        const none = startSide({ source: side }, options, undefined);
        expect((await none.result()).facts.roles.size).toBeGreaterThan(1);
    });
});
