/** Jest: pure logic runs under node; React components opt into jsdom with a docblock. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  // Compiles the command line once for the tests that spawn it.
  globalSetup: "<rootDir>/test/global-setup.js",
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.test.json", diagnostics: false }],
  },
  moduleNameMapper: {
    // office-addin-mock only needs the OfficeApp enum; the package root pulls in ESM-only modules.
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 30000,
};
