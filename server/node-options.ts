/**
 * The Node.js options the extension starts the language server with (client/extension.ts), and so
 * the benchmark too (bench/builds.ts); other editors can pass them before the server's path.
 *
 * V8 grows the young generation to 2 × 16 MB while the initial build keeps nearly everything it
 * allocates (the syntax trees), and never gives the pages back while the server runs: a fifth of
 * the heap the server commits after building 100k lines, empty. At 4 MB per semi-space the server
 * holds about 25 MB less from then on (225 → 197 MB at 100k lines). The initial build is no slower;
 * an edit's p95 is a few milliseconds longer (more, smaller scavenges), measured in alternating
 * benchmark runs. At 8 MB the server would stay above 200 MB (204 MB).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4'];
