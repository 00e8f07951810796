/**
 * The two sides of `mandate diff` and `mandate report --since`: what the arguments name (git
 * revisions, the working tree, folders) and each side built with the same loading path as
 * `mandate check`. A revision is read out of git into a temporary folder that is always removed,
 * so the policy, its mandate.config.json and the documents it names are checked as they were.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { sideFacts, type DiffBuild, type SideFacts } from '../language/diff/diff-facts.js';
import { DiffGitError, mergeBase, repositoryOf, resolveRevision, revisionFiles, type Repository } from '../language/diff/diff-git.js';
import type { DiffSide } from '../language/diff/diff-model.js';
import { InputError } from './files.js';
import { loadWorkspace, type LoadOptions } from './load.js';

/** A side as resolved from the command line, before it is built. */
export interface SideSource {
    readonly side: Omit<DiffSide, 'asOf'>;
    /** The folder to check, for a folder or the working tree. */
    readonly folder?: string;
    readonly repository?: Repository;
}

async function isDirectory(target: string): Promise<boolean> {
    return (await stat(target).catch(() => undefined))?.isDirectory() ?? false;
}

/** Runs a git step and turns its error into the CLI's input error. */
function git<T>(step: () => T): T {
    try {
        return step();
    } catch (error) {
        if (error instanceof DiffGitError) throw new InputError(error.message);
        throw error;
    }
}

class Sides {
    private repository: Repository | undefined;
    constructor(private readonly policyFolder: string) {}

    repo(): Repository {
        this.repository ??= git(() => repositoryOf(this.policyFolder));
        return this.repository;
    }

    revision(text: string, label = text): SideSource {
        const repository = this.repo();
        return { side: { label, kind: 'revision', commit: git(() => resolveRevision(repository, text)) }, repository };
    }

    workingTree(): SideSource {
        return { side: { label: 'working tree', kind: 'working-tree' }, folder: this.policyFolder };
    }

    /** A folder when one of that name exists; otherwise a revision, with a message that names both readings. */
    async folderOrRevision(text: string): Promise<SideSource> {
        if (await isDirectory(text)) return { side: { label: text, kind: 'folder' }, folder: path.resolve(text) };
        try {
            return this.revision(text);
        } catch (error) {
            if (!(error instanceof InputError)) throw error;
            const looksLikePath = text.includes('/') || text.includes(path.sep) || text.startsWith('.');
            throw new InputError(looksLikePath ? `folder '${text}' not found (${error.message})` : error.message);
        }
    }

    /** `A...B`: from the commit both descend from, as `git diff A...B` does. */
    mergeBaseOf(a: string, b: string): [SideSource, SideSource] {
        const [from, to] = [this.revision(a || 'HEAD'), this.revision(b || 'HEAD')];
        const base = git(() => mergeBase(this.repo(), from.side.commit!, to.side.commit!));
        return [{ side: { label: `merge base of ${a || 'HEAD'} and ${b || 'HEAD'}`, kind: 'revision', commit: base }, repository: from.repository }, to];
    }
}

/**
 * The sides `from` and `to` name, as `git diff` reads them: `A B`, `A..B` (a missing end is HEAD),
 * `A...B` (from their merge base), or `A` alone (A against the working tree of `policyFolder`).
 * An argument that is an existing folder is a folder.
 */
export async function resolveSides(from: string, to: string | undefined, policyFolder: string): Promise<[SideSource, SideSource]> {
    if (!(await isDirectory(policyFolder))) throw new InputError(`folder '${policyFolder}' not found; --path names the policy folder`);
    const sides = new Sides(path.resolve(policyFolder));
    if (to !== undefined) return [await sides.folderOrRevision(from), await sides.folderOrRevision(to)];
    const three = from.indexOf('...');
    if (three >= 0) return sides.mergeBaseOf(from.slice(0, three), from.slice(three + 3));
    const two = from.indexOf('..');
    if (two >= 0 && !(await isDirectory(from))) {
        const [a, b] = [from.slice(0, two) || 'HEAD', from.slice(two + 2) || 'HEAD'];
        return [sides.revision(a), sides.revision(b)];
    }
    if (await isDirectory(from)) throw new InputError(`'${from}' is a folder: give the folder to compare it with as well (mandate diff OLD NEW)`);
    return [sides.revision(from), sides.workingTree()];
}

/** The one revision `report --since REV` names, in the repository of the report's folder. */
export async function resolveSinceRevision(revision: string, policyFolder: string): Promise<SideSource> {
    if (revision.includes('..')) throw new InputError(`--since takes one revision (e.g. v2025-audit), not the range '${revision}'`);
    return new Sides(path.resolve(policyFolder)).revision(revision);
}

/** Writes a revision's files under `folder`, refusing any path that would leave it. */
function materialize(source: SideSource, folder: string): void {
    const files = git(() => revisionFiles(source.repository!, source.side.commit!));
    // Synchronously: 500 files through the promise API spent half a second waiting on libuv's threads.
    for (const file of files) {
        const target = path.resolve(folder, file.path);
        if (!target.startsWith(folder + path.sep)) continue; // git never stores such a path; a crafted tree is skipped
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, file.content, { flag: 'wx', mode: 0o600 });
    }
}

export interface BuiltSide {
    readonly build: DiffBuild;
    readonly internalErrors: readonly string[];
    /** Files of the working tree or folder the build read: output is never written over one. */
    readonly inputs: readonly string[];
}

/** Builds a side with `mandate check`'s loading path; a revision's temporary folder is removed whatever happens. */
export async function buildSide(source: SideSource, options: LoadOptions): Promise<BuiltSide> {
    const load = async (folder: string) => {
        const loaded = await loadWorkspace([folder], { ...options, allowNoPolicy: true });
        return { build: { shared: loaded.checked.services.shared, findings: loaded.checked.findings, root: loaded.roots[0] }, internalErrors: loaded.internalErrors, loaded };
    };
    if (source.folder) {
        const { build, internalErrors, loaded } = await load(source.folder);
        return { build, internalErrors, inputs: loaded.inputs };
    }
    const temporary = await mkdtemp(path.join(tmpdir(), 'mandate-revision-'));
    try {
        // The folder keeps the policy folder's name, so anything that shows it reads the same on both sides.
        const folder = path.join(temporary, path.basename(source.repository!.prefix.replace(/\/$/, '') || source.repository!.top) || 'policy');
        await mkdir(folder);
        materialize(source, folder);
        try {
            const { build, internalErrors } = await load(folder);
            return { build, internalErrors, inputs: [] };
        } catch (error) {
            // A problem in the revision's files is named as git names them (`v2025-audit:mandate.config.json`), not by the temporary folder.
            if (error instanceof InputError) throw new InputError(error.message.split(`${folder}${path.sep}`).join(`${source.side.label}:`));
            throw error;
        }
    } finally {
        await rm(temporary, { recursive: true, force: true });
    }
}

/** A side reduced to its facts: plain data, the same whichever thread built it (cli/diff-thread.ts). */
export interface SideResult {
    readonly side: Omit<DiffSide, 'asOf'>;
    readonly facts: SideFacts;
    readonly internalErrors: readonly string[];
    readonly inputs: readonly string[];
}

/** Builds a side (buildSide) and takes its facts (the engine's sideFacts). */
export async function buildSideFacts(source: SideSource, options: LoadOptions): Promise<SideResult> {
    const { build, internalErrors, inputs } = await buildSide(source, options);
    return { side: source.side, facts: sideFacts(build), internalErrors, inputs };
}
