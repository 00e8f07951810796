declare const MANDATE_VERSION: string;

/** The package version, injected by the bundler (esbuild.mjs); 'dev' when running from source. */
export const TOOL_VERSION: string = typeof MANDATE_VERSION === 'string' ? MANDATE_VERSION : 'dev';
