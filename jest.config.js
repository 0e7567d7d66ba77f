// Jest runs the TypeScript sources as ES modules (like the bundle does), on the
// Node 24 that `npm test` puts first on PATH. Type checking is `npm run typecheck`;
// here we only transpile, which keeps the suite fast.
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }] },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
  testTimeout: 60_000,
  // End-to-end tests start servers and the real CLI; two workers fit two cores.
  maxWorkers: 2,
}
