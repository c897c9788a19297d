/* eslint-disable no-undef */
/**
 * End-to-end tests (`npx jest -c jest.e2e.config.js`, i.e. `npm run test:e2e`): the built browser
 * preview in headless Debian Chromium (/usr/bin/chromium) via playwright-core. Kept apart from the
 * unit tests: they need a production build (made on demand when dist/ is stale) and a browser.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json", diagnostics: false }],
  },
  testTimeout: 180000,
  maxWorkers: 1,
};
