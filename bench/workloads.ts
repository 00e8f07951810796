/**
 * The workloads, written once per run into a temporary folder and shared by both builds.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BASELINE_COMMIT } from './builds.js';
import { DEFAULT_PEOPLE_PER_TEAM, generateBigFile, generateWorkspace, lineCount, teamsForLines } from './generate-workspace.js';
import { formatCount } from './stats.js';

export interface Workload {
    readonly folder: string;
    readonly files: number;
    readonly lines: number;
    readonly people: number;
    readonly bytes: number;
    readonly description: string;
}

/** People per big-file team: 20, so 500 teams are exactly 10,000 people. */
const BIG_FILE_PEOPLE_PER_TEAM = 20;

export class Workloads {
    private readonly cache = new Map<string, Workload>();

    constructor(private readonly scratch: string) {}

    private write(name: string, files: Record<string, string>, people: number): Workload {
        const cached = this.cache.get(name);
        if (cached) return cached;
        const folder = join(this.scratch, name);
        let bytes = 0;
        for (const [path, text] of Object.entries(files)) {
            mkdirSync(dirname(join(folder, path)), { recursive: true });
            writeFileSync(join(folder, path), text);
            bytes += Buffer.byteLength(text);
        }
        const count = Object.keys(files).length;
        const lines = lineCount(files);
        const workload: Workload = {
            folder, files: count, lines, people, bytes,
            description: `${formatCount(lines)} lines in ${formatCount(count)} files, ${formatCount(people)} people`
        };
        this.cache.set(name, workload);
        return workload;
    }

    /** Many files of about 200 lines: `lines` lines in all. */
    manyFiles(lines: number): Workload {
        const teams = teamsForLines(lines);
        return this.write(`many-${lines}`, generateWorkspace(teams), teams * DEFAULT_PEOPLE_PER_TEAM + 1);
    }

    /** The organization file and one file with `people` people, their roles, duties, assignments and trainings. */
    bigFile(people: number): Workload {
        const teams = Math.ceil(people / BIG_FILE_PEOPLE_PER_TEAM);
        return this.write(`big-${people}`, generateBigFile(teams, BIG_FILE_PEOPLE_PER_TEAM), teams * BIG_FILE_PEOPLE_PER_TEAM + 1);
    }

    /**
     * 0.1.0's own examples/acme (clean at the as-of date in both builds; the issue's drift was seen
     * on it), taken from git so that it is the same text whatever this tree's example says today.
     */
    acme(repositoryRoot: string): Workload {
        const listing = execFileSync('git', ['-C', repositoryRoot, 'ls-tree', '-r', '--name-only', BASELINE_COMMIT, 'examples/acme/'], { encoding: 'utf8' });
        const files: Record<string, string> = {};
        for (const path of listing.split('\n').filter(Boolean)) {
            files[path.slice('examples/acme/'.length)] = execFileSync('git', ['-C', repositoryRoot, 'show', `${BASELINE_COMMIT}:${path}`], { encoding: 'utf8' });
        }
        return this.write('acme', files, 15);
    }
}
