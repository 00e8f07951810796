/**
 * How the extension starts the language server (client/extension.ts), and so the benchmark too
 * (bench/builds.ts): the Node.js options before the server's path, and variables added to its
 * environment. Other editors can start it the same way (README, "Using the server from other editors").
 *
 * V8 grows the young generation to 2 × 16 MB while the initial build keeps nearly everything it
 * allocates (the syntax trees), and never gives the pages back while the server runs: a fifth of
 * the heap the server commits after building 100k lines, empty. At 4 MB per semi-space the server
 * holds about 25 MB less from then on (225 → 197 MB at 100k lines). The initial build is no slower;
 * an edit's p95 is a few milliseconds longer (more, smaller scavenges), measured in alternating
 * benchmark runs. At 8 MB the server would stay above 200 MB (204 MB).
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4'];

/**
 * glibc's allocator gives each thread that allocates its own arena, up to 8 per core, and keeps
 * what is freed there: V8's compiler and garbage-collector threads left the server 10 MB larger
 * after 10,000 edits and a minute at rest than after its start. Two arenas keep 6 MB of the
 * initial build's 197 MB and most of that growth away, with edits as fast (alternating benchmark
 * runs; MALLOC_TRIM_THRESHOLD_ kept more away but made completion's p95 a third slower). Other
 * C libraries (macOS, Windows, musl) ignore the variable.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
