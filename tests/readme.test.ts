import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../language/rules/index.js';
import { defaultSeverityText } from '../language/rules/rule.js';
import { check } from './helpers.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
    it('has a language example that checks clean', async () => {
        const example = readme.split('## The language in one example')[1]?.split('```')[1];
        expect(example).toBeDefined();
        expect(await check({ 'example.mandate': example! }, '2025-06-30')).toEqual([]);
    });

    it('lists every rule in its rule table', () => {
        // An opt-in rule's severity reads `off (warning when enabled)`.
        const missing = RULES.filter(rule => !readme.includes(`| \`${rule.id}\` | ${defaultSeverityText(rule)} |`)).map(rule => rule.id);
        expect(missing).toEqual([]);
    });

    it('keeps the two-command quick start', () => {
        expect(readme).toContain('npm ci && npm start');
        expect(readme).toContain('npm test');
    });
});
