import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['tests/**/*.test.ts'],
        exclude: ['tests/e2e/**', 'node_modules/**'],
        // Node 20 needs Object.groupBy for chevrotain; see polyfill.cjs.
        setupFiles: ['./tests/setup-polyfill.ts'],
        testTimeout: 30_000,
        benchmark: { include: ['bench/**/*.bench.ts'] }
    }
});
