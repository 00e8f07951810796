/** Any character `oneLine` changes: line breaks, tabs and other controls, bidirectional overrides. */
const UNPLAIN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/**
 * Policy strings are one-line text in every report format: line breaks (which a policy can write
 * as `\n` escapes inside a string) become spaces, other control characters are dropped, and
 * bidirectional overrides, which can make text read differently from what it is, are shown as
 * U+FFFD instead of being applied. A missing value (a half-written declaration has no name or
 * title yet) is the empty string.
 */
export function oneLine(value: string | undefined): string {
    const text = String(value ?? '');
    // Nearly every string is already one plain line: test once instead of replacing three times.
    if (!UNPLAIN.test(text)) return text;
    return text
        .replace(/\r\n|[\r\n\u2028\u2029\t\v\f]/g, ' ')
        .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
        .replace(/[\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}
