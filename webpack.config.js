/*
 * SHIELD build: dist/functions.js + functions.json (custom functions), dist/taskpane.html +
 * taskpane.js, dist/functions.html (the function reference) and dist/manifest.xml.
 * `--env ADDIN_URL=https://host/base` builds for that host (manifest URLs and help links);
 * without it, for the dev server on https://localhost:3000.
 */
const fs = require("fs");
const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { Compilation, sources } = require("webpack");

/** Files of @customfunction declarations; functions.ts imports each of them. */
const FUNCTION_FILES = [
  "./src/functions/options.ts",
  "./src/functions/impliedVol.ts",
  "./src/functions/condor.ts",
  "./src/functions/hedge.ts",
  "./src/functions/vixHedge.ts",
  "./src/functions/stress.ts",
  "./src/functions/signals.ts",
  "./src/functions/chain.ts",
  "./src/functions/governance.ts",
  "./src/functions/time.ts",
  "./src/functions/timeShift.ts",
];

const DEV_PORT = 3000;
/** The origin manifest.xml and the @helpurl tags are written for (the dev server). */
const DEV_ORIGIN = `https://localhost:${DEV_PORT}`;

/**
 * Where the add-in is hosted: `--env ADDIN_URL=https://host/base` (https, a path allowed, no
 * query), or the dev server. Returned without a trailing slash.
 */
function addinUrl(env) {
  const given = env && env.ADDIN_URL;
  if (!given) return DEV_ORIGIN;
  let url;
  try {
    url = new URL(given);
  } catch {
    throw new Error(`ADDIN_URL must be an absolute https URL such as https://addins.example.com/shield; got ${given}`);
  }
  if (url.protocol !== "https:" || url.search || url.hash || url.username) {
    throw new Error(`ADDIN_URL must be an https URL without query, fragment or credentials (Office loads add-ins over https only); got ${given}`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/**
 * The manifest version: package.json's version and a build number, e.g. 0.1.0.27. The build
 * number is $BUILD_NUMBER when CI sets one, else the number of commits in the checkout (it grows
 * with every commit on main, and the same commit always builds the same version), else 0.
 * Office wants four parts of at most 5 digits, and a higher version for an update to be taken.
 */
function manifestVersion() {
  const [major = 0, minor = 0, patch = 0] = require("./package.json").version.split(/[.-]/).map(Number);
  let build = process.env.BUILD_NUMBER;
  if (!build) {
    try {
      build = require("child_process")
        .execFileSync("git", ["rev-list", "--count", "HEAD"], { cwd: __dirname, stdio: ["ignore", "pipe", "ignore"] })
        .toString()
        .trim();
    } catch {
      build = "0";
    }
  }
  if (!/^\d{1,5}$/.test(build)) throw new Error(`BUILD_NUMBER must be a whole number from 0 to 99999; got ${build}`);
  return `${major}.${minor}.${patch}.${Number(build)}`;
}

/**
 * dist/manifest.xml: manifest.xml with every dev-server URL moved to the add-in's URL (the base
 * path kept), the AppDomain set to its origin, and the build's version.
 */
function deployedManifest(url, version) {
  const source = fs.readFileSync(path.resolve(__dirname, "manifest.xml"), "utf8");
  const origin = new URL(url).origin;
  const body = source
    .replace(/<!--[\s\S]*?-->\s*/, `<!-- SHIELD manifest built by webpack for ${url} (version ${version}). Upload this file; the source is manifest.xml. -->\n`)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`)
    .replace(new RegExp(`<AppDomain>${DEV_ORIGIN}</AppDomain>`, "g"), `<AppDomain>${origin}</AppDomain>`)
    .split(`${DEV_ORIGIN}/`)
    .join(`${url}/`);
  return body;
}

/**
 * The metadata as Excel should read it: parameter names without the `yield_` escape, and help
 * links on the add-in's URL.
 */
function finishMetadata(metadata, url) {
  for (const fn of metadata.functions) {
    for (const p of fn.parameters) p.name = p.name.replace(/_$/, "");
    if (fn.helpUrl && fn.helpUrl.startsWith(`${DEV_ORIGIN}/`)) fn.helpUrl = `${url}/${fn.helpUrl.slice(DEV_ORIGIN.length + 1)}`;
  }
  // Let error cells inside a range reach the functions (as CustomFunctions.Error values) instead
  // of Excel skipping the call: CROSS, ZONE, TREND and SIGNAL_QUORUM read an indicator's #N/A
  // warm-up rows (SPEC.md). Microsoft documents this flag for hand-written metadata only
  // ("Errors as custom function inputs"), hence here.
  metadata.allowErrorForDataTypeAny = true;
  return metadata;
}

/**
 * functions.json as Excel should read it. The metadata plugin also adds the file to child
 * compilations (html-webpack-plugin's), where a stale copy clashes with the fresh one on rebuilds:
 * only the main compilation keeps it. `yield` is a reserved word in JavaScript, so the
 * TypeScript parameter is `yield_`; Excel shows functions.json's parameter names, so they lose
 * that escape there and read as in SPEC.md.
 */
class FunctionsMetadataPlugin {
  constructor(url) {
    this.url = url;
  }

  apply(compiler) {
    compiler.hooks.compilation.tap("FunctionsMetadata", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "FunctionsMetadata", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return;
        if (compilation.compiler.isChild()) return compilation.deleteAsset("functions.json");
        const metadata = finishMetadata(JSON.parse(asset.source.source().toString()), this.url);
        compilation.updateAsset("functions.json", new sources.RawSource(JSON.stringify(metadata, null, 4)));
      });
    });
  }
}

/**
 * dist/functions.html: docs/functions.md (written by `npm run docs`) rendered with marked, so that
 * each function's helpUrl (functions.html#<id>) opens its section, from the dev server and from
 * any host the production build is deployed to.
 */
/** Emits dist/manifest.xml for the add-in's URL. */
class ManifestPlugin {
  constructor(url) {
    this.url = url;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("Manifest", (compilation) => {
      compilation.fileDependencies.add(path.resolve(__dirname, "manifest.xml"));
      compilation.hooks.processAssets.tap({ name: "Manifest", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        compilation.emitAsset("manifest.xml", new sources.RawSource(deployedManifest(this.url, manifestVersion())));
      });
    });
  }
}

class FunctionReferencePlugin {
  constructor(markdownPath, marked) {
    this.markdownPath = markdownPath;
    this.marked = marked;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("FunctionReference", (compilation) => {
      compilation.fileDependencies.add(this.markdownPath);
      compilation.hooks.processAssets.tap({ name: "FunctionReference", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const markdown = fs.readFileSync(this.markdownPath, "utf8");
        const body = this.marked.parse(markdown, { gfm: true });
        compilation.emitAsset("functions.html", new sources.RawSource(referencePage(body)));
      });
    });
  }
}

function referencePage(body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SHIELD function reference</title>
<style>
  body { font-family: "Segoe UI", system-ui, -apple-system, sans-serif; font-size: 15px; line-height: 1.5; color: #1b1b1b; max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 4rem; }
  h1 { font-size: 1.8rem; border-bottom: 3px solid #0f6cbd; padding-bottom: 0.3rem; }
  h2 { font-size: 1.4rem; margin-top: 2.5rem; border-bottom: 1px solid #d1d1d1; }
  h3 { font-size: 1.15rem; margin-top: 2rem; color: #0f6cbd; }
  code { font-family: Consolas, "Courier New", monospace; font-size: 0.9em; background: #f3f3f3; padding: 0 0.25em; border-radius: 3px; overflow-wrap: anywhere; }
  table { border-collapse: collapse; margin: 0.5rem 0 1rem; display: block; overflow-x: auto; }
  th, td { border: 1px solid #d1d1d1; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
  th { background: #f5f5f5; }
  a { color: #0f6cbd; }
  :target + h3 { background: #fff4ce; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

module.exports = async (env) => {
  const { marked } = await import("marked");
  const url = addinUrl(env);
  const serving = Boolean(env && env.WEBPACK_SERVE);
  return {
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // No `document.currentScript` / `self` lookups: functions.js must load with no DOM.
      publicPath: "",
      globalObject: "globalThis",
      clean: true,
    },
    target: ["web", "es2017"],
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // Types are checked by `npm run typecheck`; the build only transpiles.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FILES }),
      new FunctionsMetadataPlugin(url),
      new ManifestPlugin(url),
      new FunctionReferencePlugin(path.resolve(__dirname, "docs/functions.md"), marked),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
        ],
      }),
    ],
    devServer: serving
      ? {
          port: DEV_PORT,
          hot: false,
          liveReload: false,
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await require("./scripts/certs").httpsOptions() },
          static: false,
        }
      : undefined,
  };
};

// For scripts/test-core.js, which bundles the functions without webpack.
module.exports.FUNCTION_FILES = FUNCTION_FILES;
module.exports.finishMetadata = finishMetadata;
module.exports.DEV_ORIGIN = DEV_ORIGIN;
