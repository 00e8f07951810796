import { remembered } from '../util/remembered.js';
import type { DirectoryRecord } from './directory-record.js';

/** Letters that Unicode decomposition does not reduce to ASCII. */
const LETTERS: Record<string, string> = {
    ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't'
};

/** Text that is a slug already: lower-case letters and digits, single dashes inside. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// An export repeats first and last names many times.
const rememberedSlugOf = remembered(slugOfText, 20_000);

/** `Zoë Ødegård` → `zoe-odegard`; empty when nothing Latin is left (`李 伟`). */
export function slugOf(text: string): string {
    return SLUG.test(text) ? text : rememberedSlugOf(text); // an employee number, `ada`, `p10007`: nothing to change
}

function slugOfText(text: string): string {
    return text.toLowerCase()
        // ß æ ø œ đ ð ł þ ı ħ ŧ, written as escapes: the bundles are ASCII (esbuild.mjs).
        .replace(/[\u00DF\u00E6\u00F8\u0153\u0111\u00F0\u0142\u00FE\u0131\u0127\u0167]/g, letter => LETTERS[letter])
        .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
        .replace(/['"\u2019\u2018`\u00B4]/g, '') // ' " ’ ‘ ` ´: O'Brien → obrien, not o-brien
        .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * The ID a new person would get: from the name, else from the e-mail address's local part (a name
 * in a script with no Latin letters), else `person-<key>`. A slug that is a reserved word
 * (`role`, or `nobody`, which would read as the keyword where a reference stands) falls through the
 * same way.
 */
export function baseIdOf(record: DirectoryRecord, reserved: ReadonlySet<string>): string {
    return baseOf(record, reserved).id;
}

/** The base ID, and the reserved word the name (or e-mail) gave instead, if one did: the summary reports it. */
function baseOf(record: DirectoryRecord, reserved: ReadonlySet<string>): { id: string; keyword?: string } {
    let keyword: string | undefined;
    for (const slug of [slugOf(record.name), slugOf(record.email?.split('@')[0] ?? '')]) {
        if (reserved.has(slug)) keyword ??= slug;
        else if (/^[a-z]/.test(slug)) return keyword === undefined ? { id: slug } : { id: slug, keyword };
    }
    const id = `person-${slugOf(record.key) || 'unnamed'}`;
    return keyword === undefined ? { id } : { id, keyword };
}

/** The distinguishing suffix of a colliding ID: the employee number, else the e-mail's local part. */
function suffixOf(record: DirectoryRecord): string {
    return slugOf(record.employeeNumber ?? '') || slugOf(record.email?.split('@')[0] ?? '') || slugOf(record.key) || 'x';
}

export interface IdCollision {
    /** The ID the name gives. */
    readonly base: string;
    /** Who got which ID instead, by record key. */
    readonly assigned: readonly { readonly key: string; readonly name: string; readonly id: string }[];
    /**
     * Why: another new person has the same name, the ID is taken in the policy, or the name is a
     * reserved word (`base` is that word, and `assigned` the IDs of the fallback).
     */
    readonly reason: 'same-name' | 'taken' | 'keyword';
    /** Where a taken ID is declared (`file:line`), when known. */
    readonly takenAt?: string;
}

/**
 * IDs for new people. A person whose base ID is free and wanted by no other new person gets it.
 * Otherwise every new person wanting it gets `<base>-<employee number>` (or the e-mail's local
 * part), so the result does not depend on the order of the export; a clash even then adds `-2`,
 * `-3` in key order. `taken` holds the IDs already in use (earlier imports, hand-written people).
 */
export function assignIds(records: readonly DirectoryRecord[], taken: ReadonlySet<string>, reserved: ReadonlySet<string>): { ids: Map<string, string>; collisions: IdCollision[] } {
    const byBase = new Map<string, DirectoryRecord[]>();
    const byKeyword = new Map<string, DirectoryRecord[]>();
    for (const record of [...records].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
        const { id: base, keyword } = baseOf(record, reserved);
        if (keyword !== undefined) {
            const same = byKeyword.get(keyword);
            if (same) same.push(record);
            else byKeyword.set(keyword, [record]);
        }
        const group = byBase.get(base);
        if (group) group.push(record);
        else byBase.set(base, [record]);
    }
    const used = new Set(taken);
    const ids = new Map<string, string>();
    const collisions: IdCollision[] = [];
    // Free single bases first, so a suffixed ID never takes a name another person gets plainly.
    for (const [base, group] of byBase) {
        if (group.length === 1 && !used.has(base)) {
            ids.set(group[0].key, base);
            used.add(base);
        }
    }
    for (const [base, group] of [...byBase].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        if (ids.has(group[0].key)) continue;
        const assigned = group.map(record => {
            const suffixed = `${base}-${suffixOf(record)}`;
            let id = suffixed;
            for (let n = 2; used.has(id); n++) id = `${suffixed}-${n}`;
            used.add(id);
            ids.set(record.key, id);
            return { key: record.key, name: record.name, id };
        });
        collisions.push({ base, assigned, reason: group.length > 1 ? 'same-name' : 'taken' });
    }
    // Names that are keywords are reported with the ID they got, so nobody looks for `person nobody`.
    for (const [keyword, group] of byKeyword) {
        collisions.push({ base: keyword, reason: 'keyword', assigned: group.map(record => ({ key: record.key, name: record.name, id: ids.get(record.key)! })) });
    }
    collisions.sort((a, b) => (a.base < b.base ? -1 : a.base > b.base ? 1 : 0));
    return { ids, collisions };
}
