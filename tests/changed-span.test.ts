/**
 * What an edit changed in a file's text (language/layout-edit/changed-span.ts), worked out once per
 * edit for the plans and the fingerprint that each ask (`changedSpanOf`): always the span of the two
 * texts asked about, never one remembered for other texts or another tree.
 */
import { describe, expect, it } from 'vitest';
import { changedSpan, changedSpanOf } from '../language/layout-edit/changed-span.js';

describe('the span an edit changed', () => {
    it('is the longest common start and end, a block at a time and across block borders', () => {
        const text = 'person p "P"\n'.repeat(5000);
        const middle = 30_000;
        const edited = `${text.slice(0, middle)}typed${text.slice(middle + 2)}`;
        expect(changedSpan(text, edited)).toEqual({ start: middle, oldEnd: middle + 2, newEnd: middle + 5 });
        expect(changedSpan(text, text)).toEqual({ start: text.length, oldEnd: text.length, newEnd: text.length });
        // The common end does not overlap the common start: `aa` → `aaa` added one character, at the end of the common start.
        expect(changedSpan('aa', 'aaa')).toEqual({ start: 2, oldEnd: 2, newEnd: 3 });
    });

    it('is asked for once per edit, and worked out again for another tree or other texts', () => {
        const tree = {};
        const other = {};
        const before = `role r "R"\n${'x'.repeat(40_000)}\n`;
        const after = before.replace('"R"', '"Role"');
        const span = changedSpanOf(tree, before, after);
        expect(span).toEqual(changedSpan(before, after));
        expect(changedSpanOf(tree, before, after)).toBe(span);
        // The same tree with another text (a layout edit patches a tree in place), or another new text, or another tree.
        const patched = `${before}\n`;
        expect(changedSpanOf(tree, patched, after)).toEqual(changedSpan(patched, after));
        const again = after.replace('"Role"', '"Rolf"');
        expect(changedSpanOf(tree, before, again)).toEqual(changedSpan(before, again));
        expect(changedSpanOf(other, after, before)).toEqual(changedSpan(after, before));
    });
});
