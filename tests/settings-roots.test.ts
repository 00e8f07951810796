import { describe, expect, it } from 'vitest';
import { URI } from 'langium';
import { MandateSettings } from '../language/mandate-settings.js';

describe('the workspace folder of a document', () => {
    it('is the deepest folder that contains it, and follows a change of folders', () => {
        const settings = new MandateSettings();
        const document = URI.parse('file:///ws/team/people.mandate');
        expect(settings.rootOf(document)).toBeUndefined();
        settings.setWorkspaceRoots([URI.parse('file:///ws'), URI.parse('file:///ws/team')]);
        expect(settings.rootOf(document)?.toString()).toBe('file:///ws/team');
        expect(settings.rootOf(document)?.toString()).toBe('file:///ws/team'); // asked again: the same answer
        settings.setWorkspaceRoots([URI.parse('file:///ws')]);
        expect(settings.rootOf(document)?.toString()).toBe('file:///ws');
        settings.setWorkspaceRoots([URI.parse('file:///elsewhere')]);
        expect(settings.rootOf(document)).toBeUndefined();
    });
});
