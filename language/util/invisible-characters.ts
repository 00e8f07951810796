/**
 * Finds the characters a reader cannot see but a program reads ("Trojan Source", CVE-2021-42574):
 * bidirectional controls, zero-width and other default-ignorable characters, tag characters,
 * misplaced variation selectors, line separators and C0/C1 control characters (except tab, line
 * feed and carriage return). One regular-expression pass over the text: a file without any of
 * them costs a single scan, however large.
 */

/** Every candidate; a few are legitimate in context (see `isSuspicious`). */
const CANDIDATES = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]+/gu;

/** Format characters that print a visible sign (Arabic number signs and the like). */
const VISIBLE_FORMAT = /^[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}]$/u;
const VARIATION_SELECTOR = /^[\uFE00-\uFE0F\u180B-\u180D\u180F\u{E0100}-\u{E01EF}]$/u;
/** Letters of scripts whose spelling needs zero-width (non-)joiners: Arabic, Persian, Indic, … */
const JOINING_LETTER = /^[\p{L}\p{M}]$/u;
const NO_JOINERS = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]$/u;
const EMOJI = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;
const BIDI = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/u;
const CONTROL = /^\p{Cc}$/u;
const LINE_BREAK = /^[\u0085\u2028\u2029]$/u;
const TAG = /^[\u{E0000}-\u{E007F}]$/u;

export type InvisibleKind = 'bidi' | 'control' | 'line-break' | 'tag' | 'invisible';

/** One run of adjacent suspicious characters, as offsets into the text (end exclusive). */
export interface InvisibleRun {
    readonly start: number;
    readonly end: number;
    readonly characters: readonly string[];
}

function charBefore(text: string, offset: number): string | undefined {
    if (offset <= 0) return undefined;
    const low = text.charCodeAt(offset - 1);
    const start = low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? offset - 2 : offset - 1;
    return String.fromCodePoint(text.codePointAt(start) ?? 0);
}

function charAfter(text: string, offset: number): string | undefined {
    return offset < text.length ? String.fromCodePoint(text.codePointAt(offset) ?? 0) : undefined;
}

/**
 * Whether a candidate at `offset` hides something. Legitimate uses stay quiet: a byte-order mark
 * at the start of the file, a zero-width (non-)joiner between letters of a script that needs it
 * (Persian `می‌خواهم`) or inside an emoji sequence, and a variation selector after a character that
 * takes one (an emoji, a CJK ideograph), never after an ASCII letter, a blank or another selector.
 */
function isSuspicious(text: string, offset: number, char: string): boolean {
    if (char === '\uFEFF' && offset === 0) return false;
    if (VISIBLE_FORMAT.test(char)) return false;
    if (char === '\u200C' || char === '\u200D') {
        const before = charBefore(text, offset);
        const after = charAfter(text, offset + char.length);
        if (before === undefined || after === undefined) return true;
        if (JOINING_LETTER.test(before) && JOINING_LETTER.test(after) && !NO_JOINERS.test(before) && !NO_JOINERS.test(after)) return false;
        return !(char === '\u200D' && EMOJI.test(before) && EMOJI.test(after));
    }
    if (VARIATION_SELECTOR.test(char)) {
        const before = charBefore(text, offset);
        return before === undefined || before.charCodeAt(0) < 0x80 || /^\s$/u.test(before) || isCandidate(before);
    }
    return true;
}

const CANDIDATE_ONE = new RegExp(`^${CANDIDATES.source.replace(/\+$/, '')}$`, 'u');

function isCandidate(char: string): boolean {
    return CANDIDATE_ONE.test(char);
}

/** Every run of suspicious characters in `text` (from `from` to before `to`, both at characters that are no candidate), in order. */
export function* invisibleRuns(text: string, from = 0, to = text.length): Generator<InvisibleRun> {
    const pattern = new RegExp(CANDIDATES.source, 'gu');
    // A part is read as a string of its own: a search from `from` would read on to the end of the text.
    const part = from === 0 && to === text.length ? text : text.slice(from, to);
    for (let match = pattern.exec(part); match; match = pattern.exec(part)) {
        let run: { start: number; end: number; characters: string[] } | undefined;
        let offset = from + match.index;
        for (const char of match[0]) {
            if (isSuspicious(text, offset, char)) {
                if (run && run.end === offset) {
                    run.end = offset + char.length;
                    run.characters.push(char);
                } else {
                    if (run) yield run;
                    run = { start: offset, end: offset + char.length, characters: [char] };
                }
            }
            offset += char.length;
        }
        if (run) yield run;
    }
}

/**
 * `invisibleRuns(text)` from the runs of the text before an edit inside `[start, oldEnd)` of it,
 * which made that span `[start, newEnd)` of `text`: the runs before and after it are the old ones
 * (those after moved), and only the span is read again, widened to a character that is no
 * candidate at each end (a run, and what a character's neighbours decide, never crosses one).
 * A file of 10,000 people is 6.5 MB; a keystroke reads a line of it.
 */
export function invisibleRunsAfterEdit(text: string, before: readonly InvisibleRun[], start: number, oldEnd: number, newEnd: number): InvisibleRun[] {
    let from = Math.max(0, start - 2);
    while (from > 0 && !isPlain(text.charCodeAt(from - 1))) from--;
    let to = Math.min(text.length, newEnd + 2);
    while (to < text.length && !isPlain(text.charCodeAt(to))) to++;
    const delta = newEnd - oldEnd;
    const runs: InvisibleRun[] = [];
    let index = 0;
    for (; index < before.length && before[index].end <= from; index++) runs.push(before[index]);
    for (const run of invisibleRuns(text, from, to)) runs.push(run);
    for (; index < before.length; index++) {
        const run = before[index];
        if (run.start >= to - delta) runs.push(delta === 0 ? run : { start: run.start + delta, end: run.end + delta, characters: run.characters });
    }
    return runs;
}

/** A character that is no candidate and no half of a pair: printable ASCII, a tab or a line break. */
function isPlain(code: number): boolean {
    return (code >= 0x20 && code < 0x7f) || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Whether `text` holds any character `invisibleRuns` reports. */
export function hasInvisible(text: string): boolean {
    return !invisibleRuns(text).next().done;
}

export function invisibleKind(char: string): InvisibleKind {
    if (BIDI.test(char)) return 'bidi';
    if (LINE_BREAK.test(char)) return 'line-break';
    if (CONTROL.test(char)) return 'control';
    if (TAG.test(char)) return 'tag';
    return 'invisible';
}

const NAMES: Record<number, string> = {
    0x00: 'NULL', 0x07: 'BELL', 0x08: 'BACKSPACE', 0x0b: 'LINE TABULATION', 0x0c: 'FORM FEED', 0x1b: 'ESCAPE', 0x7f: 'DELETE',
    0x85: 'NEXT LINE', 0x9b: 'CONTROL SEQUENCE INTRODUCER', 0x9d: 'OPERATING SYSTEM COMMAND',
    0xad: 'SOFT HYPHEN', 0x34f: 'COMBINING GRAPHEME JOINER', 0x61c: 'ARABIC LETTER MARK',
    0x115f: 'HANGUL CHOSEONG FILLER', 0x1160: 'HANGUL JUNGSEONG FILLER', 0x17b4: 'KHMER VOWEL INHERENT AQ', 0x17b5: 'KHMER VOWEL INHERENT AA',
    0x180b: 'MONGOLIAN FREE VARIATION SELECTOR ONE', 0x180c: 'MONGOLIAN FREE VARIATION SELECTOR TWO',
    0x180d: 'MONGOLIAN FREE VARIATION SELECTOR THREE', 0x180e: 'MONGOLIAN VOWEL SEPARATOR', 0x180f: 'MONGOLIAN FREE VARIATION SELECTOR FOUR',
    0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER',
    0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK', 0x2028: 'LINE SEPARATOR', 0x2029: 'PARAGRAPH SEPARATOR',
    0x202a: 'LEFT-TO-RIGHT EMBEDDING', 0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING',
    0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE',
    0x2060: 'WORD JOINER', 0x2061: 'FUNCTION APPLICATION', 0x2062: 'INVISIBLE TIMES', 0x2063: 'INVISIBLE SEPARATOR', 0x2064: 'INVISIBLE PLUS',
    0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
    0x206a: 'INHIBIT SYMMETRIC SWAPPING', 0x206b: 'ACTIVATE SYMMETRIC SWAPPING', 0x206c: 'INHIBIT ARABIC FORM SHAPING',
    0x206d: 'ACTIVATE ARABIC FORM SHAPING', 0x206e: 'NATIONAL DIGIT SHAPES', 0x206f: 'NOMINAL DIGIT SHAPES',
    0x3164: 'HANGUL FILLER', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE', 0xffa0: 'HALFWIDTH HANGUL FILLER',
    0xfff9: 'INTERLINEAR ANNOTATION ANCHOR', 0xfffa: 'INTERLINEAR ANNOTATION SEPARATOR', 0xfffb: 'INTERLINEAR ANNOTATION TERMINATOR',
    0xe0001: 'LANGUAGE TAG', 0xe0020: 'TAG SPACE', 0xe007f: 'CANCEL TAG'
};

/** The character's Unicode name, or what it is when the name is not in the table. */
export function characterName(char: string): string {
    const code = char.codePointAt(0) ?? 0;
    const known = NAMES[code];
    if (known) return known;
    if (code >= 0xfe00 && code <= 0xfe0f) return `VARIATION SELECTOR-${code - 0xfe00 + 1}`;
    if (code >= 0xe0100 && code <= 0xe01ef) return `VARIATION SELECTOR-${code - 0xe0100 + 17}`;
    if (code >= 0xe0021 && code <= 0xe007e) {
        const ascii = String.fromCharCode(code - 0xe0000);
        if (/[a-z]/.test(ascii)) return `TAG LATIN SMALL LETTER ${ascii.toUpperCase()}`;
        if (/[A-Z]/.test(ascii)) return `TAG LATIN CAPITAL LETTER ${ascii}`;
        return 'TAG CHARACTER';
    }
    if (CONTROL.test(char)) return 'CONTROL CHARACTER';
    return /^\p{Cn}$/u.test(char) ? 'UNASSIGNED INVISIBLE CODE POINT' : 'INVISIBLE FORMAT CHARACTER';
}

/** `U+202E RIGHT-TO-LEFT OVERRIDE`: how a message names one character. */
export function nameOf(char: string): string {
    return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} ${characterName(char)}`;
}

/** The ASCII text a run of tag characters spells, shown so hidden text cannot pass unread. */
export function tagText(characters: readonly string[]): string {
    return characters.map(char => {
        const code = char.codePointAt(0) ?? 0;
        return code >= 0xe0020 && code <= 0xe007e ? String.fromCharCode(code - 0xe0000) : '';
    }).join('');
}
