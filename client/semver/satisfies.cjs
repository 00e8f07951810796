'use strict';
/**
 * The part of `semver/functions/satisfies` that vscode-languageclient uses: whether a version is
 * in a caret range (`^1.91.0`), the form of its REQUIRED_VSCODE_VERSION (see parse.cjs). Any
 * other range is refused loudly rather than answered wrongly.
 */
const parse = require('./parse.cjs');

const CARET = /^\^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

module.exports = function satisfies(version, range) {
    const caret = CARET.exec(typeof range === 'string' ? range.trim() : '');
    if (!caret) throw new Error(`Mandate's semver subset reads ranges of the form ^MAJOR.MINOR.PATCH only, not '${String(range)}'`);
    const parsed = parse(version);
    // A pre-release satisfies a range only when a bound of the range is a pre-release of the same version: no caret range here has one.
    if (!parsed || parsed.prerelease.length > 0) return false;
    const low = caret.slice(1).map(Number);
    const have = [parsed.major, parsed.minor, parsed.patch];
    const compare = (a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
    if (compare(have, low) < 0) return false;
    // ^1.2.3 below 2.0.0, ^0.2.3 below 0.3.0, ^0.0.3 below 0.0.4.
    const high = low[0] > 0 ? [low[0] + 1, 0, 0] : low[1] > 0 ? [0, low[1] + 1, 0] : [0, 0, low[2] + 1];
    return compare(have, high) < 0;
};
