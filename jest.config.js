/** Tests run against the TypeScript sources, except the bundle tests, which load dist/. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node10", jsx: "react-jsx", isolatedModules: true, ignoreDeprecations: "6.0" } }],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  setupFiles: ["<rootDir>/test/setup.ts"],
  testTimeout: 120000,
  // Jest's default (one worker fewer than the cores) leaves one of two cores idle, while most
  // suites wait on soffice, Chromium or the CLI: on 2 cores, 377 s of suites became 210 s.
  maxWorkers: "100%",
  // Every test has a time limit; a handle a test leaves open (a child, a server) must not then keep
  // the run from ending, on CI most of all.
  forceExit: true,
};
