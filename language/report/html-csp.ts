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
 * No script-src at all: with default-src 'none' nothing can run and nothing can be fetched.
 * A saved report pins its style by hash (deterministic, so the file stays byte-identical);
 * a webview uses a nonce, as VS Code recommends.
 */
export function styleSecurity(css: string, webview?: WebviewContext): { policy: string; styleAttribute: string } {
    const common = "default-src 'none'; base-uri 'none'; form-action 'none'";
    if (webview) {
        if (!isWebviewNonce(webview.nonce)) throw new Error('A webview nonce must be 16 to 128 base64 characters.');
        const source = webview.cspSource.replace(/[;'"\s]/g, '');
        return {
            policy: `${common}; style-src 'nonce-${webview.nonce}'; img-src data: ${source}`,
            styleAttribute: ` nonce="${htmlAttribute(webview.nonce)}"`
        };
    }
    const hash = createHash('sha256').update(css, 'utf8').digest('base64');
    return { policy: `${common}; style-src 'sha256-${hash}'; img-src data:`, styleAttribute: '' };
}

/**
 * The opening of every page Mandate renders, up to </head>: its CSP comes first, so it governs
 * everything after it, and its one <style> element is the only thing the CSP lets in.
 */
export function secureHead(title: string, css: string, webview: WebviewContext | undefined, meta: readonly string[] = []): string[] {
    const security = styleSecurity(css, webview);
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
