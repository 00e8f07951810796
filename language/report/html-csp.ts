import { createHash } from 'node:crypto';
import { escapeHtml, htmlAttribute, htmlText } from './html-escape.js';

/** A VS Code webview's needs: a fresh nonce per render and the webview's own resource origin. */
export type { WebviewContext } from '../lsp/mandate-protocol.js';
import type { WebviewContext } from '../lsp/mandate-protocol.js';

const NONCE = /^[A-Za-z0-9+/=_-]{16,128}$/;

/** Whether a webview nonce is one the page accepts: 16 to 128 base64 characters. */
export function isWebviewNonce(nonce: unknown): boolean {
    return typeof nonce === 'string' && NONCE.test(nonce);
}

/**
 * The page's Content-Security-Policy and the attribute that lets its one <style> element in.
 * A saved page has no script-src at all: with default-src 'none' nothing can run and nothing can
 * be fetched, and its style is pinned by hash (deterministic, so the file stays byte-identical).
 * A webview uses a nonce, as VS Code recommends, and with `script` also lets in the scripts that
 * carry it: Mandate's own constant code (webview-scripts.ts), never anything from the policy.
 */
export function styleSecurity(css: string, webview?: WebviewContext, script = false): { policy: string; styleAttribute: string } {
    const common = "default-src 'none'; base-uri 'none'; form-action 'none'";
    if (webview) {
        if (!isWebviewNonce(webview.nonce)) throw new Error('A webview nonce must be 16 to 128 base64 characters.');
        const source = webview.cspSource.replace(/[;'"\s]/g, '');
        const scripts = script ? `; script-src 'nonce-${webview.nonce}'` : '';
        return {
            policy: `${common}; style-src 'nonce-${webview.nonce}'; img-src data: ${source}${scripts}`,
            styleAttribute: ` nonce="${htmlAttribute(webview.nonce)}"`
        };
    }
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    return { policy: `${common}; style-src 'sha256-${hash}'; img-src data:`, styleAttribute: '' };
}

/**
 * The opening of every page Mandate renders, up to </head>: its CSP comes first, so it governs
 * everything after it, and its one <style> element is the only thing the CSP lets in (with
 * `script`, in a webview, also the <script> elements webviewScript writes).
 */
export function secureHead(title: string, css: string, webview: WebviewContext | undefined, meta: readonly string[] = [], script = false): string[] {
    const security = styleSecurity(css, webview, script);
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(security.policy)}">`,
        ...meta,
        `<title>${htmlText(title)}</title>`,
        `<style${security.styleAttribute}>${css}</style>`,
        '</head>'
    ];
}

/** A <script> element with the webview's nonce, for one of Mandate's constant scripts; it must not hold `</`. */
export function webviewScript(code: string, webview: WebviewContext): string {
    if (!isWebviewNonce(webview.nonce)) throw new Error('A webview nonce must be 16 to 128 base64 characters.');
    if (code.includes('</')) throw new Error('A webview script must not contain "</".');
    return `<script nonce="${htmlAttribute(webview.nonce)}">${code}</script>`;
}
