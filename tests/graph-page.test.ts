import { describe, expect, it } from 'vitest';
import { renderGraphPage } from '../language/report/render-graph-page.js';

describe('the live graph page', () => {
    it('escapes policy text and admits only its own nonce-marked style', async () => {
        const graph = { nodes: [{ id: 'r', label: '<img src=x onerror=alert(1)>', kind: 'role' as const, ciso: true, vacant: false }], edges: [] };
        const html = await renderGraphPage(graph, 'Acme <script>', 'As of 2025-06-30.', { nonce: 'abcdefghijklmnop0123', cspSource: 'vscode-resource:' });
        expect(html).not.toMatch(/<img|<script>/);
        // The only scripts are Mandate's own, let in by the nonce (tests/webview-pages.test.ts checks them).
        expect(html.match(/<script[^>]*>/g)).toEqual(['<script nonce="abcdefghijklmnop0123">', '<script nonce="abcdefghijklmnop0123">']);
        expect(html).toContain('<title>Acme &lt;script&gt;</title>');
        expect(html).toContain('<style nonce="abcdefghijklmnop0123">');
        expect(html).toContain('&#39;nonce-abcdefghijklmnop0123&#39;');
        expect(html).toContain('<svg');
    });
});
