'use strict';
/**
 * The part of `semver/functions/parse` that vscode-languageclient uses: it parses `vscode.version`
 * once, to check it against the VS Code version it requires (node/main.js, checkVersion). The
 * whole semver package (ranges, comparators, caches) was 20 KB of the client bundle for that one
 * check; esbuild.mjs points the client's imports here. tests/semver-subset.test.ts compares both
 * functions with semver's on many versions and ranges.
 *
 * A version is MAJOR.MINOR.PATCH with an optional pre-release and build, in semver's strict form
 * (an optional leading `v`, blanks around it trimmed); null otherwise, as semver's parse answers.
 */
const NUMBER = '0|[1-9]\\d*';
const IDENTIFIER = `(?:${NUMBER}|\\d*[a-zA-Z-][a-zA-Z0-9-]*)`;
const FORM = new RegExp(`^v?(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`);

module.exports = function parse(version) {
    if (typeof version === 'object' && version !== null && typeof version.major === 'number') return version;
    if (typeof version !== 'string' || version.length > 256) return null;
    const match = FORM.exec(version.trim());
    if (!match) return null;
    const [major, minor, patch] = [match[1], match[2], match[3]].map(Number);
    if (![major, minor, patch].every(Number.isSafeInteger)) return null;
    const prerelease = match[4] === undefined ? [] : match[4].split('.').map(part => /^\d+$/.test(part) ? Number(part) : part);
    return { major, minor, patch, prerelease, version: `${major}.${minor}.${patch}${prerelease.length > 0 ? `-${prerelease.join('.')}` : ''}` };
};
