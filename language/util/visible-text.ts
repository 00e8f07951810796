/**
 * Characters that are invisible or change how text around them displays: control characters,
 * bidirectional overrides and isolates, zero-width and other format characters, and the other
 * default-ignorable ones (variation selectors, tags, Hangul fillers). Written raw in a
 * message they would hide or reorder it ("Trojan source"), so messages show them as `U+202E`.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');

const NAMES: Record<number, string> = {
    0x00ad: 'soft hyphen', 0x061c: 'Arabic letter mark',
    0x200b: 'zero-width space', 0x200c: 'zero-width non-joiner', 0x200d: 'zero-width joiner',
    0x200e: 'left-to-right mark', 0x200f: 'right-to-left mark',
    0x202a: 'left-to-right embedding', 0x202b: 'right-to-left embedding', 0x202c: 'pop directional formatting',
    0x202d: 'left-to-right override', 0x202e: 'right-to-left override',
    0x2066: 'left-to-right isolate', 0x2067: 'right-to-left isolate', 0x2068: 'first strong isolate',
    0x2069: 'pop directional isolate', 0xfeff: 'zero-width no-break space'
};

export function isInvisible(char: string): boolean {
    return INVISIBLE.test(char) && char !== '\n' && char !== '\r' && char !== '\t';
}

/** `U+202E`: how a message writes one character. */
export function codePoint(char: string): string {
    return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `U+202E (right-to-left override)` for an invisible character, `` `é` `` for a visible one. */
export function describeCharacter(char: string): string {
    if (!isInvisible(char)) return `\`${char}\``;
    const name = NAMES[char.codePointAt(0) ?? 0];
    return name ? `${codePoint(char)} (${name})` : codePoint(char);
}

/** The text with every invisible character (except line breaks and tabs) written as `U+XXXX`. */
export function showInvisibles(text: string): string {
    return text.replace(INVISIBLE_ALL, char => isInvisible(char) ? codePoint(char) : char);
}
