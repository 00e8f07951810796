// Injected into the CommonJS bundles so code written for ESM can still read import.meta.url.
export const importMetaUrl = require('url').pathToFileURL(__filename).href;
