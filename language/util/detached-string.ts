/**
 * V8 keeps a substring of 13 characters or more as a view into the string it was cut from (a
 * "sliced string"), and the view keeps that whole string alive. Every name in a syntax tree is
 * cut from its document's text, so a name kept by something that outlives the tree, such as a
 * cache key, keeps that version of the file's text: 6.5 MB per version for an HR export of
 * 10,000 people, one more with every name typed while a suggestion cache was filling.
 */
const SHORTEST_VIEW = 13;

/** `text` as a string of its own, holding no larger text: for anything kept past the current version of a document. */
export function detachedCopy(text: string): string {
    // Shorter substrings are copies already. A JSON round trip builds a fresh flat string in one pass.
    return text.length < SHORTEST_VIEW ? text : (JSON.parse(JSON.stringify(text)) as string);
}
