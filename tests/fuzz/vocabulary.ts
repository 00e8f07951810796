/**
 * The values the fuzzer puts where the grammar wants a terminal: plausible ones most of the time,
 * and the ones that broke things before (invalid and far-out dates, huge counts, hostile strings,
 * keywords used as names, invisible characters). No value contains `undefined`, `NaN` or
 * `[object Object]`, so when one of those shows up in a message or a report, the engine wrote it.
 */
import { REQUIREMENTS } from '../../language/standards/catalogue.js';
import { RULES } from '../../language/rules/index.js';
import type { Random } from '../random-edits.js';

const WORDS = [
    'ciso', 'board', 'ceo', 'cfo', 'ops', 'dpo', 'audit', 'security', 'analyst', 'lead', 'deputy-lead', 'jane', 'omar', 'lea',
    'isms-reporting', 'isms-conformance', 'patching', 'awareness', 'appoint-staff', 'incident', 'risk', 'hr', 'it', 'x'
];

/** Words that are keywords elsewhere in the language (some are valid names, some are not). */
export const KEYWORD_NAMES = [
    'training', 'delegate', 'email', 'evidence', 'deputy', 'everyone', 'key', 'owner', 'role', 'person', 'assign', 'to', 'by',
    'framework', 'requirement', 'claims', 'since', 'until', 'appointed', 'body', 'version', 'holder', 'single', 'CISO', 'every'
];

const INVISIBLE = ['\u200B', '\u200D', '\u202E', '\u2066', '\u2069', '\uFEFF', '\u00AD', '\u061C'];

/** A name: usually a plausible kebab-case identifier, sometimes a keyword, a huge or a not-quite-ASCII one. */
export function randomName(random: Random): string {
    const roll = random.next();
    if (roll < 0.75) {
        const base = random.pick(WORDS);
        return random.chance(0.5) ? `${base}-${random.int(50)}` : base;
    }
    if (roll < 0.85) return random.pick(KEYWORD_NAMES);
    if (roll < 0.9) return `n${'a'.repeat(100 + random.int(400))}`;
    if (roll < 0.95) return random.pick(['_x', 'a_b', 'x1-2-3', 'A', 'z9']);
    // A Cyrillic letter, or an invisible character, inside an otherwise ordinary name.
    const base = random.pick(WORDS);
    const at = random.int(base.length + 1);
    return base.slice(0, at) + random.pick(['\u0430', '\u0435', '\u043E', ...INVISIBLE]) + base.slice(at);
}

/** Dates: valid, calendar-invalid, at the edges of four digits, and a few that are not dates at all. */
export function randomDate(random: Random): string {
    const roll = random.next();
    if (roll < 0.7) {
        const year = 2015 + random.int(12);
        return `${year}-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}`;
    }
    return random.pick([
        '2024-02-30', '2023-02-29', '2024-02-29', '2023-13-01', '2025-06-31', '2025-00-10', '2025-01-00', '0000-00-00',
        '0001-01-01', '9999-12-31', '9999-99-99', '1900-01-01', '2100-01-01', '1970-01-01', '2038-01-19', '99999-01-01',
        '2025-6-1', '2025-06', '2025-06-30T00:00', '20250630'
    ]);
}

/** Counts for cadences and grace periods: small, zero, and far outside human ranges. */
export function randomInt(random: Random): string {
    return random.chance(0.7) ? String(1 + random.int(30)) : random.pick(['0', '00', '365', '100000000', '2147483648', '99999999999999999999', '1e9']);
}

const HOSTILE_STRINGS = [
    // Raw policy text between the quotes: 'a\\\\' is the policy's "a\\", a title ending in one backslash.
    '', ' ', '   ', 'a\\\\', '\\\\', '\\\\\\\\', '\\"', 'a\\nb', 'a\\tb', '<script>alert(1)</script>', '\\"><img src=x onerror=alert(1)>',
    '</textarea><svg onload=alert(1)>', 'javascript:alert(1)', '[click](javascript:alert(1))', '**bold** _it_ `code`', '| a | b |',
    '# heading', '<!-- comment -->', ']]>', '{{template}}', '${process.exit()}', '%s%s%s%n', '../../../etc/passwd', '/etc/passwd',
    'file:///etc/passwd', '~/.ssh/id_rsa', '%2e%2e%2fsecret', 'C:\\Windows\\system32', 'docs\\roles\\ciso.md', 'https://example.com/x',
    '\u001b[31mred\u001b[0m', '\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007', '\u0007\u0008\u0000', '\u202Eevil\u202C',
    'ab\u200Bcd', '\uFEFFbom', '😀 emoji 🏳️‍🌈', 'Ωμέγα', 'العربية', '中文标题', 'e\u0301', '__proto__', 'constructor', 'toString',
    'hasOwnProperty', 'x'.repeat(5000), 'word '.repeat(400), '&amp; &lt; &#x3C;', '\u2028\u2029', 'NULL', '-', '—'
];

/** The inside of a STRING token: prose most of the time, hostile content otherwise. */
export function randomStringBody(random: Random): string {
    if (random.chance(0.6)) return random.pick(['Chief Information Security Officer', 'Board of Directors', 'Jane Doe', 'Report ISMS performance', 'minutes/2024-02-board.pdf', 'docs/roles/ciso.md', 'all-staff', 'Security awareness']);
    return random.pick(HOSTILE_STRINGS);
}

/** A STRING token; now and then one the lexer cannot finish (a line break inside, no closing quote). */
export function randomString(random: Random): string {
    const roll = random.next();
    if (roll < 0.97) return `"${randomStringBody(random)}"`;
    return random.pick(['"unterminated', '"line\nbreak"', '"tab\tinside"']);
}

const KNOWN_REQUIREMENTS = REQUIREMENTS.map(requirement => requirement.id);

/** Requirement IDs: from the built-in catalogue, or unknown, malformed and enormous ones. */
export function randomRequirement(random: Random, customPrefixes: readonly string[] = []): string {
    const roll = random.next();
    if (roll < 0.7) return random.pick(KNOWN_REQUIREMENTS);
    if (roll < 0.8 && customPrefixes.length > 0) return `${random.pick(customPrefixes)}:${random.pick(['AC-01', 'X.1', '1'])}`;
    return random.pick(['ISO27001:99.9', 'ISO27001:5.3(z)', 'ISO27001:A.5.2(a)(b)', 'NOPE:1', 'ISO27001:5', 'ACME:AC-01', 'X:y', `ISO27001:${'9.'.repeat(200)}9`, 'iso27001:5.3']);
}

/** A rule ID for a suppression: real ones, unknown ones, and none. */
export function randomRuleId(random: Random): string {
    return random.chance(0.85) ? random.pick(RULES).id : random.pick(['no-such-rule', '', 'Linking-Error', 'linking-error', 'parsing-error', '*']);
}

/** A `// mandate-ignore` line, with or without a justification, sometimes malformed. */
export function randomSuppression(random: Random): string {
    const justification = random.pick([': accepted by the board in 2024', ':', '', ': ' + randomStringBody(random), ' no colon here']);
    return `// mandate-ignore ${randomRuleId(random)}${justification}`;
}

/** A comment the grammar ignores, with content an editor or a terminal could misread. */
export function randomComment(random: Random): string {
    return random.chance(0.5)
        ? `// ${randomStringBody(random).replace(/[\r\n\u2028\u2029]/g, ' ')}`
        : `/* ${random.pick(['note', randomStringBody(random), 'nested /* not */', '**/'])} */`;
}

/** Single tokens and characters that mutations insert: keywords, punctuation, values, and raw characters. */
export function randomToken(random: Random, keywords: readonly string[]): string {
    const roll = random.next();
    if (roll < 0.35) return random.pick(keywords);
    if (roll < 0.5) return random.pick(['{', '}', ',', '"', ':', '(', ')', '//', '/*', '*/', '-', '.']);
    if (roll < 0.6) return randomName(random);
    if (roll < 0.7) return randomDate(random);
    if (roll < 0.78) return randomString(random);
    if (roll < 0.84) return randomRequirement(random);
    if (roll < 0.88) return randomInt(random);
    if (roll < 0.92) return randomSuppression(random) + '\n';
    return randomCharacter(random);
}

/** One character, from printable ASCII to controls, invisible and astral ones. */
export function randomCharacter(random: Random): string {
    const roll = random.next();
    if (roll < 0.5) return String.fromCharCode(32 + random.int(95));
    if (roll < 0.65) return random.pick(['\n', '\r', '\r\n', '\t', '\u000B', '\u000C', '\u0000', '\u001b', '\u007F']);
    if (roll < 0.8) return random.pick(INVISIBLE);
    if (roll < 0.9) return random.pick(['\u0430', 'é', 'ß', 'Ω', '中', '\u0301', '\u2028']);
    return random.pick(['😀', '\uD800', '\uDC00', '\u{10FFFF}', '\uFFFD']);
}
