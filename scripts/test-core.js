#!/usr/bin/env node
/**
 * `npm run test:core`: the fast inner loop. Bundles the custom functions with esbuild (about a
 * second, no production build) into node_modules/.cache/shield-core, with the functions.json and
 * the `CustomFunctions.associate` calls that the webpack build's metadata plugin makes, from the
 * same JSDoc (custom-functions-metadata) and the same FUNCTION_FILES; then runs jest on the core,
 * function and task-pane logic tests against that bundle (SHIELD_DIST). Arguments go to jest:
 * `npm run test:core -- test/core/bsm`.
 *
 * What only the shipped build can show stays in `npm test`: the minified bundle's size and its
 * DOM-free load, the manifest, the generated reference and its help anchors, the production build
 * for another host, and the browser test of the pane.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const esbuild = require("esbuild");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const { FUNCTION_FILES, finishMetadata, DEV_ORIGIN } = require("../webpack.config.js");

const root = path.resolve(__dirname, "..");
const outDir = path.join(root, "node_modules", ".cache", "shield-core");
const CORE_TESTS = ["test/core", "test/functions", "test/taskpane", "test/fixtures.test.ts"];

async function buildFunctions() {
  const inputs = FUNCTION_FILES.map((f) => path.resolve(root, f));
  const generated = await generateCustomFunctionsMetadata(inputs, true);
  if (generated.errors.length > 0) throw new Error(`custom-functions-metadata:\n${generated.errors.join("\n")}`);
  const associate = (file) =>
    generated.associate
      .filter((item) => path.resolve(item.sourceFileName) === file)
      .map((item) => `\nCustomFunctions.associate("${item.id}", ${item.functionName});`)
      .join("");
  await esbuild.build({
    entryPoints: [path.join(root, "src/functions/functions.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2017",
    outfile: path.join(outDir, "functions.js"),
    logLevel: "warning",
    plugins: [
      {
        name: "associate",
        setup(build) {
          build.onLoad({ filter: /src[\\/]functions[\\/].*\.ts$/ }, (args) => {
            const source = fs.readFileSync(args.path, "utf8");
            return { contents: inputs.includes(args.path) ? source + associate(args.path) : source, loader: "ts" };
          });
        },
      },
    ],
  });
  const metadata = finishMetadata(JSON.parse(generated.metadataJson), DEV_ORIGIN);
  fs.writeFileSync(path.join(outDir, "functions.json"), JSON.stringify(metadata, null, 4));
}

buildFunctions().then(
  () => {
    const args = process.argv.slice(2);
    const jest = require.resolve("jest/bin/jest");
    const run = spawnSync(process.execPath, [jest, ...(args.length > 0 ? args : CORE_TESTS)], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, SHIELD_DIST: outDir },
    });
    process.exit(run.status ?? 1);
  },
  (error) => {
    console.error(`test:core: could not bundle the functions: ${error.message}`);
    process.exit(1);
  },
);
