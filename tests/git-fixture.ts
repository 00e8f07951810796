/**
 * Real git repositories in throwaway folders, for the tests of everything that reads history
 * (`mandate diff`, `report --since`, provenance). Each repository has its own user name and e-mail
 * and fixed author and committer dates, reads no global or system configuration and never touches
 * the network; every folder is removed after the test file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll } from 'vitest';
import { CLEAN_POLICY } from './helpers.js';

/** The environment git runs in here: no user or system configuration, no GIT_* from the caller. */
function environment(date?: string): NodeJS.ProcessEnv {
    const clean: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('GIT_')) clean[key] = value;
    const fixed = date ? { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` } : {};
    return { ...clean, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: tmpdir(), ...fixed };
}

export interface GitRepository {
    readonly folder: string;
    /** Runs git in the repository and returns its trimmed output. */
    git(...args: string[]): string;
    /**
     * Writes `files` (a `null` content deletes the file), commits everything with `message` on
     * `date` (YYYY-MM-DD, author and committer alike) and returns the commit id.
     */
    commit(files: Record<string, string | null>, message: string, date: string): string;
}

/** `repository()` makes a new repository with one branch, `main`; all are removed after the test file. */
export function gitRepositories(prefix: string): () => GitRepository {
    const made: string[] = [];
    afterAll(() => { for (const folder of made) rmSync(folder, { recursive: true, force: true }); });
    return () => {
        const folder = mkdtempSync(path.join(tmpdir(), prefix));
        made.push(folder);
        const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, encoding: 'utf8', env: environment() }).trim();
        git('init', '-q', '-b', 'main');
        git('config', 'user.name', 'Test User');
        git('config', 'user.email', 'test@example.com');
        git('config', 'commit.gpgsign', 'false');
        return {
            folder,
            git,
            commit(files, message, date) {
                for (const [name, content] of Object.entries(files)) {
                    const file = path.join(folder, name);
                    if (content === null) {
                        rmSync(file, { force: true });
                    } else {
                        mkdirSync(path.dirname(file), { recursive: true });
                        writeFileSync(file, content);
                    }
                }
                execFileSync('git', ['add', '-A', '.'], { cwd: folder, env: environment(date) });
                execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: folder, env: environment(date) });
                return git('rev-parse', 'HEAD');
            }
        };
    };
}

/** A policy for diffs: CLEAN_POLICY plus a second role with a holder, a delegation, a conflict and an accepted exception. */
export const TEAM_POLICY: Readonly<Record<string, string>> = {
    ...CLEAN_POLICY,
    'team.mandate': `
person bob "Bob Smith" {
    employed since 2021-01-01
}
person carol "Carol White" {
    employed since 2022-01-01
}
role security-officer "Security Officer" {
    reports to ciso
    responsible for incident-handling
}
responsibility incident-handling "Handle security incidents"
assign bob to security-officer since 2024-01-01 appointed by ciso {
    announced 2024-01-02 via intranet to all-staff
}
delegate incident-handling from security-officer to carol since 2025-01-01
conflict between ciso and security-officer "The officer reports to the CISO"
`
};
