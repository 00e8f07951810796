/**
 * A workspace on the real disk whose policy names hostile paths: symbolic links inside it that
 * lead outside (to a canary file, a folder, /etc/passwd, /dev/zero, nowhere), a FIFO, a link
 * loop, `file:` URLs, percent-encoded and `~` paths. The canary's content is unique per run, so
 * a test can prove it never reaches any output. Shared by tests/policy-paths-security.test.ts
 * (engine) and tests/cli-policy-paths.test.ts (bundled CLI and language server).
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLEAN_POLICY } from './helpers.js';

export interface PathCase {
    /** The evidence path as written in the policy. */
    readonly text: string;
    /** The rule expected on its line, or undefined when the path is fine. */
    readonly rule?: 'path-outside-workspace' | 'evidence-missing';
    /** A part of the expected message. */
    readonly message?: string | RegExp;
}

export interface HostileWorkspace {
    /** The folder holding the workspace and, next to it, `outside/`. */
    readonly base: string;
    /** The workspace folder. */
    readonly root: string;
    /** The folder outside the workspace, with the canary in it. */
    readonly outside: string;
    readonly canaryPath: string;
    readonly canaryText: string;
    readonly canarySha256: string;
    /** Line (1-based) of people.mandate → its case. */
    readonly cases: ReadonlyMap<number, PathCase>;
    /** The line of the job description in roles.mandate (a link to the canary). */
    readonly jobDescriptionLine: number;
    /** False where mkfifo is missing: the FIFO case is then left out. */
    readonly fifo: boolean;
    remove(): Promise<void>;
}

const LINK_OUT = /is a symbolic link that leads outside the workspace folder/;

/** Builds the workspace under a fresh temporary folder; `remove()` deletes it. */
export async function hostileWorkspace(): Promise<HostileWorkspace> {
    const base = await realpath(await mkdtemp(path.join(tmpdir(), 'mandate-paths-')));
    const root = path.join(base, 'ws');
    const outside = path.join(base, 'outside');
    const canaryText = `CANARY-${randomUUID()}`;
    const canaryPath = path.join(outside, 'canary.txt');
    await mkdir(path.join(outside, 'folder'), { recursive: true });
    await mkdir(path.join(root, 'evidence'), { recursive: true });
    await mkdir(path.join(root, 'docs'), { recursive: true });
    await writeFile(canaryPath, canaryText);
    await writeFile(path.join(outside, 'folder', 'minutes.pdf'), canaryText);
    await writeFile(path.join(root, 'evidence', 'board.pdf'), '%PDF board');
    await writeFile(path.join(root, 'evidence', 'board minutes.pdf'), '%PDF minutes');
    const link = (target: string, name: string) => symlink(target, path.join(root, name));
    await link('../../outside/canary.txt', 'evidence/canary.pdf');
    await link(canaryPath, 'evidence/absolute-canary.pdf');
    await link(path.join(outside, 'folder'), 'evidence/outside-folder');
    await link('/etc/passwd', 'evidence/passwd.pdf');
    await link('/dev/zero', 'evidence/zero.pdf');
    await link(path.join(outside, 'missing.pdf'), 'evidence/dangling.pdf');
    await link('canary.pdf', 'evidence/chain.pdf');
    await link('loop.pdf', 'evidence/loop.pdf');
    await link('evidence', 'linked-evidence');
    await link(canaryPath, 'docs/ciso.md');
    const fifo = spawnSync('mkfifo', [path.join(root, 'evidence', 'pipe.pdf')]).status === 0;

    const list: PathCase[] = [
        { text: 'evidence/canary.pdf', rule: 'path-outside-workspace', message: /'evidence\/canary\.pdf' is a symbolic link that leads outside/ },
        { text: 'evidence/absolute-canary.pdf', rule: 'path-outside-workspace', message: LINK_OUT },
        { text: 'evidence/outside-folder/minutes.pdf', rule: 'path-outside-workspace', message: /'evidence\/outside-folder' is a symbolic link that leads outside/ },
        { text: 'evidence/passwd.pdf', rule: 'path-outside-workspace', message: LINK_OUT },
        { text: 'evidence/zero.pdf', rule: 'path-outside-workspace', message: LINK_OUT },
        { text: 'evidence/dangling.pdf', rule: 'path-outside-workspace', message: LINK_OUT },
        { text: 'evidence/chain.pdf', rule: 'path-outside-workspace', message: /'evidence\/canary\.pdf' is a symbolic link/ },
        { text: 'evidence/loop.pdf', rule: 'evidence-missing', message: /too many levels of symbolic links/ },
        { text: `file://${canaryPath}`, rule: 'path-outside-workspace', message: /`file:` URL outside the workspace folder/ },
        { text: 'file:///etc/passwd', rule: 'path-outside-workspace', message: /`file:` URL outside/ },
        { text: 'file://fileserver/share/canary.txt', rule: 'path-outside-workspace', message: /another computer/ },
        { text: `file://${root}/evidence/canary.pdf`, rule: 'path-outside-workspace', message: LINK_OUT },
        { text: '%2e%2e/outside/canary.txt', rule: 'path-outside-workspace', message: /percent-encoding/ },
        { text: '%252e%252e/outside/canary.txt', rule: 'path-outside-workspace', message: /percent-encoding/ },
        { text: 'evidence%2f..%2f..%2foutside%2fcanary.txt', rule: 'path-outside-workspace', message: /percent-encoding/ },
        { text: '~/.ssh/id_rsa', rule: 'path-outside-workspace', message: /starts with `~`/ },
        { text: '~root/canary.txt', rule: 'path-outside-workspace', message: /starts with `~`/ },
        { text: canaryPath, rule: 'path-outside-workspace', message: /absolute path outside/ },
        { text: 'linked-evidence/board.pdf' },
        { text: 'evidence/board%20minutes.pdf' },
        { text: `file://${root}/evidence/board.pdf` },
        ...(fifo ? [{ text: 'evidence/pipe.pdf', rule: 'path-outside-workspace', message: /named pipe \(FIFO\)/ } as const] : [])
    ];
    const header = 'person jane "Jane Doe" {\n    email "jane@acme.example"\n    employed since 2020-01-01\n}\nassign jane to ciso since 2024-03-01 appointed by board {\n';
    const firstLine = header.split('\n').length;
    const people = `${header}${list.map(entry => `    evidence ${JSON.stringify(entry.text)}\n`).join('')}    announced 2024-03-05 via intranet to all-staff\n}\n`;
    const roles = CLEAN_POLICY['roles.mandate'].replace('designated CISO', 'designated CISO\n    job description "docs/ciso.md"');
    await writeFile(path.join(root, 'organization.mandate'), CLEAN_POLICY['organization.mandate']);
    await writeFile(path.join(root, 'roles.mandate'), roles);
    await writeFile(path.join(root, 'people.mandate'), people);
    return {
        base, root, outside, canaryPath, canaryText, fifo,
        canarySha256: createHash('sha256').update(canaryText).digest('hex'),
        cases: new Map(list.map((entry, index) => [firstLine + index, entry])),
        jobDescriptionLine: roles.split('\n').findIndex(line => line.includes('job description')) + 1,
        remove: () => rm(base, { recursive: true, force: true })
    };
}

/** The expected findings of the two path rules, as sorted `file:line rule` strings. */
export function expectedFindings(workspace: HostileWorkspace): string[] {
    const rows = [`roles.mandate:${workspace.jobDescriptionLine} path-outside-workspace`];
    for (const [line, entry] of workspace.cases) if (entry.rule) rows.push(`people.mandate:${line} ${entry.rule}`);
    return rows.sort();
}
