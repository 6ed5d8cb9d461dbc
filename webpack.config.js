/* SHIELD build: dist/functions.js + functions.json (custom functions), dist/taskpane.html + taskpane.js. */
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
  "./src/functions/signals.ts",
];

const DEV_PORT = 3000;

/**
 * functions.json as Excel should read it. The metadata plugin also adds the file to child
 * compilations (html-webpack-plugin's), where a stale copy clashes with the fresh one on rebuilds:
 * only the main compilation keeps it. And `yield` is a reserved word in JavaScript, so the
 * TypeScript parameter is `yield_`; Excel shows functions.json's parameter names, so they lose
 * that escape there and read as in SPEC.md.
 */
class FunctionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("FunctionsMetadata", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "FunctionsMetadata", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          if (compilation.compiler.isChild()) return compilation.deleteAsset("functions.json");
          const metadata = JSON.parse(asset.source.source().toString());
          for (const fn of metadata.functions) for (const p of fn.parameters) p.name = p.name.replace(/_$/, "");
          compilation.updateAsset("functions.json", new sources.RawSource(JSON.stringify(metadata, null, 4)));
        },
      );
    });
  }
}

/**
 * dist/functions.html: docs/functions.md (written by `npm run docs`) rendered with marked, so that
 * each function's helpUrl (functions.html#<id>) opens its section, from the dev server and from
 * any host the production build is deployed to.
 */
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
      new FunctionsMetadataPlugin(),
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
