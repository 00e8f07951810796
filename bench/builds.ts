/**
 * The two builds every figure is measured on in the same run: this work tree's `out/`, and
 * 0.1.0 (commit 123e0f2) built in its own git worktree under .cache/ (ignored by git).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from '../server/node-options.js';

export const BASELINE_COMMIT = '123e0f2';
export const BASELINE_NAME = '0.1.0';

export interface Build {
    readonly name: string;
    /** The repository (or worktree) root the build lives in. */
    readonly root: string;
    readonly cli: string;
    readonly server: string;
    /** The Node.js options and environment variables its extension starts the server with: the benchmark starts it the same way. */
    readonly serverNodeOptions: readonly string[];
    readonly serverEnvironment: Readonly<Record<string, string>>;
    /** A short description for the benchmark page: commit, and whether the tree had uncommitted changes. */
    readonly revision: string;
}

function git(root: string, ...args: string[]): string {
    return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 }).trim();
}

function buildAt(name: string, root: string, revision: string, start: Pick<Build, 'serverNodeOptions' | 'serverEnvironment'>): Build {
    return { name, root, cli: join(root, 'out', 'cli', 'main.cjs'), server: join(root, 'out', 'server', 'main.cjs'), ...start, revision };
}

/** This tree as it is built now; the benchmark does not build it (run `npm run build` first). */
export function currentBuild(root: string): Build {
    let revision = 'unknown revision';
    try {
        const head = git(root, 'rev-parse', '--short', 'HEAD');
        const dirty = git(root, 'status', '--porcelain', '--untracked-files=no') !== '';
        revision = dirty ? `${head} with uncommitted changes` : head;
    } catch {
        // Not a git checkout: the page says so.
    }
    const build = buildAt('this build', root, revision, { serverNodeOptions: SERVER_NODE_OPTIONS, serverEnvironment: SERVER_ENVIRONMENT });
    if (!existsSync(build.cli) || !existsSync(build.server)) {
        throw new Error(`${relative(root, build.cli)} or ${relative(root, build.server)} is missing: run \`npm run build\` before \`npm run bench\`.`);
    }
    return build;
}

function run(command: string, args: string[], cwd: string, log: (line: string) => void): void {
    log(`  ${command} ${args.join(' ')}  (in ${cwd})`);
    const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    if (result.status !== 0) {
        const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
        throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd} (exit ${result.status}):\n${output}`);
    }
}

/**
 * 0.1.0, built once and reused: `git worktree add` of the commit into .cache/bench/, this tree's
 * node_modules linked in when the package-lock is the same (else installed: see installBaseline),
 * then 0.1.0's own `npm run build`. A stamp file records a finished build.
 */
/**
 * 0.1.0's packages, from the npm cache when it has them all (no network), else from the registry:
 * a fresh machine's cache holds only this tree's packages. A failed install leaves no node_modules,
 * so the next run installs again rather than building on half of one.
 */
function installBaseline(folder: string, log: (line: string) => void): void {
    const modules = join(folder, 'node_modules');
    try {
        run('npm', ['ci', '--offline', '--no-audit', '--no-fund'], folder, log);
        return;
    } catch {
        log(`  the npm cache lacks some of ${BASELINE_NAME}'s packages: installing them from the registry`);
        rmSync(modules, { recursive: true, force: true });
    }
    try {
        run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], folder, log);
    } catch (error) {
        rmSync(modules, { recursive: true, force: true });
        throw error;
    }
}

export function baselineBuild(root: string, log: (line: string) => void): Build {
    const folder = join(root, '.cache', 'bench', `mandate-${BASELINE_NAME}`);
    if (!existsSync(folder)) {
        log(`Preparing ${BASELINE_NAME} (${BASELINE_COMMIT}) in ${relative(root, folder)}:`);
        run('git', ['-C', root, 'worktree', 'add', '--detach', folder, BASELINE_COMMIT], root, log);
    }
    const head = git(folder, 'rev-parse', 'HEAD');
    if (!head.startsWith(BASELINE_COMMIT)) {
        throw new Error(`${relative(root, folder)} is at ${head.slice(0, 7)}, not ${BASELINE_COMMIT}; remove it (git worktree remove --force ${relative(root, folder)}) and run again.`);
    }
    const modules = join(folder, 'node_modules');
    if (!existsSync(modules)) {
        const sameLock = existsSync(join(root, 'package-lock.json'))
            && readFileSync(join(root, 'package-lock.json'), 'utf8').trim() === git(root, 'show', `${BASELINE_COMMIT}:package-lock.json`);
        if (sameLock) {
            symlinkSync(relative(folder, join(root, 'node_modules')), modules, 'dir');
        } else {
            installBaseline(folder, log);
        }
    }
    const stamp = join(folder, 'out', '.bench-build');
    // 0.1.0's extension started its server with no Node.js options and no variables of its own.
    const build = buildAt(BASELINE_NAME, folder, BASELINE_COMMIT, { serverNodeOptions: [], serverEnvironment: {} });
    if (!existsSync(stamp) || !existsSync(build.cli) || !existsSync(build.server)) {
        log(`Building ${BASELINE_NAME}:`);
        run('npm', ['run', 'build'], folder, log);
        writeFileSync(stamp, `${head}\n`);
    }
    return build;
}
