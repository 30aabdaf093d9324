// One jest run, several projects: each folder under test/ is a kind of test.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2021' }, module: { type: 'commonjs' } }];
const base = (name, environment, extra = {}) => ({
  displayName: name,
  testEnvironment: environment,
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`, `<rootDir>/test/${name}/**/*.test.tsx`],
  transform: { '^.+\\.(t|j)sx?$': swc },
  // the built cloud functions are plain CommonJS for Node, as the cloud runs them: not compiled again
  transformIgnorePatterns: ['/node_modules/(?!(mingo|bson)/)', '/dist/cloudfunctions/'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  ...extra,
});

module.exports = {
  testTimeout: 60000,
  // Suites run one after another in one worker (2 cores). What a suite leaves behind accumulates (about 40 MB a
  // suite, 4 GB at 114 suites); a worker past this after a suite is replaced, so memory stays bounded at any count.
  workerIdleMemoryLimit: '1.5GB',
  projects: [
    base('unit', 'node'),
    base('emulator', 'node'),
    base('cloud', 'node'),
    base('weapp', 'jsdom'),
    base('e2e', 'node', { setupFilesAfterEnv: ['<rootDir>/test/setup/e2e-retry.ts'] }),
  ],
};
