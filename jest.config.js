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
  // Every test has a time limit; a handle a test leaves open (a child, a server) must not then keep
  // the run from ending, on CI most of all.
  forceExit: true,
};
