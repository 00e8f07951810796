import { CONFUSABLE_DATA } from './confusable-table.js';
import { remembered } from './remembered.js';

/**
 * Unicode TR39 skeletons: two strings that look alike get the same skeleton (`jane` with a
 * Cyrillic `а` and `jane`; `bi11` and `bill`). The mapping is the generated subset of
 * confusables.txt in confusable-table.ts; characters it does not cover are folded with NFKC
 * (fullwidth `ｊａｎｅ`, mathematical `𝐣𝐚𝐧𝐞`) before they are looked up.
 */

let table: Map<string, string> | undefined;

function confusables(): Map<string, string> {
    if (!table) {
        table = new Map();
        for (const line of CONFUSABLE_DATA) {
            for (const entry of line.split(',')) {
                const [from, to] = entry.split(':');
                table.set(String.fromCodePoint(parseInt(from, 16)), to.split(' ').map(code => String.fromCodePoint(parseInt(code, 16))).join(''));
            }
        }
    }
    return table;
}

const ASCII = /^[\x20-\x7e]*$/;
const DEFAULT_IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;
const HIDDEN = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]$/u;

/**
 * The TR39 skeleton: NFD, default-ignorable characters removed, each character replaced by its
 * prototype, NFD again. Characters without a prototype are first folded with NFKC.
 */
export function skeleton(text: string): string {
    // Most names are printable ASCII: a table lookup per character costs less than remembering the answer.
    return ASCII.test(text) ? asciiSkeleton(text) : skeletons(text);
}

/** Whether every character is printable ASCII (space to `~`): such a text mixes no scripts and hides nothing. */
export function isPrintableAscii(text: string): boolean {
    return ASCII.test(text);
}

/** confusable-name asks for the skeleton of every name and title after each edit; most never change. */
const skeletons = remembered(computeSkeleton, 500_000);

/** The printable ASCII characters that are not their own prototype (`0 1 I m |`), and their prototypes by code. */
let asciiChanges: { readonly find: RegExp; readonly test: RegExp; readonly prototypes: readonly string[] } | undefined;

/**
 * The skeleton of a printable ASCII text, as computeSkeleton's loop makes it: most names are
 * their own skeleton (`ada-lovelace`) and come back as they are; the others get the few
 * characters that change replaced in one native pass, as one flat string (a map's key is hashed
 * next), where appending character by character made a chain of pieces to flatten.
 */
function asciiSkeleton(text: string): string {
    if (!asciiChanges) {
        const map = confusables();
        const prototypes = Array.from({ length: 128 }, (_, code) => map.get(String.fromCharCode(code)) ?? String.fromCharCode(code));
        const changing = prototypes.flatMap((prototype, code) => code >= 0x20 && code < 0x7f && prototype !== String.fromCharCode(code) ? [`\\u${code.toString(16).padStart(4, '0')}`] : []);
        const set = `[${changing.join('')}]`;
        asciiChanges = { find: new RegExp(set, 'g'), test: new RegExp(set), prototypes };
    }
    const { find, test, prototypes } = asciiChanges;
    return test.test(text) ? text.replace(find, char => prototypes[char.charCodeAt(0)]) : text;
}

/** The skeleton of a text that is not all printable ASCII (skeleton() answers those by table). */
function computeSkeleton(text: string): string {
    const map = confusables();
    let result = '';
    for (const char of text.normalize('NFD')) {
        const prototype = map.get(char);
        if (prototype !== undefined) {
            result += prototype;
        } else if (!DEFAULT_IGNORABLE.test(char)) {
            const folded = char.normalize('NFKC');
            if (folded === char) result += char;
            else for (const part of folded.normalize('NFD')) result += map.get(part) ?? part;
        }
    }
    return result.normalize('NFD');
}

/**
 * `jane` for `jаne` with a Cyrillic `а`: the text with each non-ASCII letter replaced by the ASCII
 * letter it passes for; undefined when one has no ASCII look-alike.
 */
export function asciiLookalike(text: string): string | undefined {
    let result = '';
    for (const char of text) {
        if (char.charCodeAt(0) < 0x80) {
            result += char;
            continue;
        }
        if (HIDDEN.test(char)) continue;
        const prototype = skeleton(char);
        if (!/^[A-Za-z]$/.test(prototype)) return undefined;
        result += prototype;
    }
    return result;
}

/** Scripts whose letters pass for Latin ones, or for each other's. */
const LOOKALIKE_SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
    ['Latin', /^\p{Script=Latin}$/u],
    ['Greek', /^\p{Script=Greek}$/u],
    ['Cyrillic', /^\p{Script=Cyrillic}$/u],
    ['Armenian', /^\p{Script=Armenian}$/u],
    ['Cherokee', /^\p{Script=Cherokee}$/u]
];
/** Scripts a word may mix with Latin (TR39 "highly restrictive": Japanese, Chinese, Korean). */
const EAST_ASIAN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]$/u;
const LETTER = /^\p{L}$/u;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export interface MixedWord {
    readonly word: string;
    /** The scripts the word's letters come from, the most frequent first. */
    readonly scripts: readonly string[];
    /** The letters of the scripts other than the first. */
    readonly odd: readonly string[];
}

/** The script of a letter as messages name it: `Cyrillic`, or `East Asian` or `other` outside the look-alike scripts. */
export function scriptOf(letter: string): string {
    for (const [name, pattern] of LOOKALIKE_SCRIPTS) if (pattern.test(letter)) return name;
    return EAST_ASIAN.test(letter) ? 'East Asian' : 'other';
}

/**
 * The first word that mixes a Latin, Greek, Cyrillic, Armenian or Cherokee letter with a letter of
 * another script: `Jаne` with a Cyrillic `а`. Several scripts in one text are fine as long as each
 * word keeps to one (`Иван Petrov`), and Latin may mix with Chinese, Japanese and Korean.
 */
export function mixedScriptWord(text: string): MixedWord | undefined {
    if (ASCII.test(text)) return undefined;
    for (const [word] of text.matchAll(WORD)) {
        if (ASCII.test(word)) continue;
        const counts = new Map<string, string[]>();
        for (const char of word) {
            if (!LETTER.test(char)) continue;
            const script = scriptOf(char);
            const letters = counts.get(script);
            if (letters) letters.push(char); else counts.set(script, [char]);
        }
        const scripts = [...counts.keys()];
        const lookalike = scripts.filter(script => script !== 'East Asian' && script !== 'other');
        const mixed = lookalike.length >= 2 || (lookalike.length === 1 && scripts.includes('other'));
        if (!mixed) continue;
        scripts.sort((a, b) => (counts.get(b)?.length ?? 0) - (counts.get(a)?.length ?? 0));
        return { word, scripts, odd: scripts.slice(1).flatMap(script => counts.get(script) ?? []) };
    }
    return undefined;
}

function codePoint(char: string): string {
    return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `` `а` (U+0430) ``: a character as a message shows it. */
export function showCharacter(char: string): string {
    return char.charCodeAt(0) < 0x80 ? `\`${char}\`` : `\`${char}\` (${codePoint(char)})`;
}

/** The parts in which two look-alike strings differ: `` `1` instead of `l` ``. */
export function difference(text: string, other: string): string {
    const a = [...text];
    const b = [...other];
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    let end = 0;
    while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
    const show = (chars: string[]): string => {
        if (chars.length === 0) return 'nothing';
        const codes = chars.filter(char => char.charCodeAt(0) >= 0x80).map(codePoint);
        // An invisible character is named by its code point only: written raw, it would show nothing.
        const visible = chars.filter(char => !HIDDEN.test(char)).join('');
        if (!visible) return codes.join(' ');
        return `\`${visible}\`${codes.length > 0 ? ` (${codes.join(' ')})` : ''}`;
    };
    return `${show(a.slice(start, a.length - end))} instead of ${show(b.slice(start, b.length - end))}`;
}
