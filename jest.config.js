/** ESM all the way: the @actions/* packages are ESM-only, so tests run as ESM too. */
import os from "node:os";

export default {
  // Most suites wait on child processes and loopback servers: on 2 cores, two suites at a time halve the wall time.
  maxWorkers: Math.max(2, os.availableParallelism()),
  testEnvironment: "<rootDir>/__tests__/helpers/native-realm-environment.cjs",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/fixtures/"],
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json" }],
  },
  reporters: ["default", "<rootDir>/__tests__/helpers/summary-reporter.cjs"],
  testTimeout: 60000,
  // @polkadot/api keeps WebSocket reconnect and unsubscribe timers alive after disconnect()
  // in some orders of suites; every suite closes its servers, so ending the run is safe.
  forceExit: true,
};
