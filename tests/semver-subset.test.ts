/**
 * The client bundles a subset of semver (client/semver/) in place of the two functions
 * vscode-languageclient imports for its check of the VS Code version. Each must answer as semver
 * does: parse on well-formed, odd and malformed versions; satisfies on caret ranges, for versions
 * as strings and as parsed objects whose pre-release the client has cleared.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
type Parsed = { major: number; minor: number; patch: number; prerelease: Array<string | number> } | null;
const parse = require('../client/semver/parse.cjs') as (version: unknown) => Parsed;
const satisfies = require('../client/semver/satisfies.cjs') as (version: unknown, range: string) => boolean;
const semverParse = require('semver/functions/parse') as (version: unknown) => Parsed;
const semverSatisfies = require('semver/functions/satisfies') as (version: unknown, range: string) => boolean;

const VERSIONS = [
    '1.100.0', '1.100.3', '1.91.0', '1.90.9', '1.101.0-insider', '1.100.0-insider', '2.0.0', '1.0.0', '0.0.0', '0.2.3', '0.2.4', '0.3.0',
    '0.0.3', '0.0.4', 'v1.100.0', ' 1.100.0 ', '=1.100.0', '1.100', '1.100.0.0', '01.100.0', '1.100.01', '1.100.0-01', '1.100.0-rc.1',
    '1.100.0-rc.01', '1.100.0-0', '1.100.0-x.7.z.92', '1.100.0+build.5', '1.100.0-beta+exp.sha.5114f85', '1.100.0-', '1.100.0+', 'a.b.c',
    '', '1.2.3-🙂', `1.2.${'9'.repeat(20)}`, `1.2.3-${'a'.repeat(300)}`, '9007199254740991.0.0', '9007199254740992.0.0'
];
const RANGES = ['^1.91.0', '^1.100.0', '^0.2.3', '^0.0.3', '^2.0.0', '^0.0.0', '^1.0.0'];

describe('semver subset for the language client', () => {
    it('parses as semver does', () => {
        for (const version of [...VERSIONS, undefined, null, 42, {}]) {
            const mine = parse(version);
            const theirs = semverParse(version);
            expect(mine === null, JSON.stringify(version)).toBe(theirs === null);
            if (mine && theirs) {
                expect([mine.major, mine.minor, mine.patch, mine.prerelease], JSON.stringify(version)).toEqual([theirs.major, theirs.minor, theirs.patch, theirs.prerelease]);
            }
        }
    });

    it('tells as semver does whether a version is in a caret range, also after the client clears its pre-release', () => {
        for (const range of RANGES) {
            for (const version of VERSIONS) {
                expect(satisfies(version, range), `${version} ${range}`).toBe(semverSatisfies(version, range));
                const mine = parse(version);
                const theirs = semverParse(version);
                if (!mine || !theirs) continue;
                mine.prerelease = [];
                theirs.prerelease = [];
                expect(satisfies(mine, range), `${version} without its pre-release, ${range}`).toBe(semverSatisfies(theirs, range));
            }
        }
    });

    it('refuses a range it does not read instead of answering it', () => {
        expect(() => satisfies('1.100.0', '>=1.91.0')).toThrow(/\^MAJOR\.MINOR\.PATCH/);
    });
});
