/* SHIELD build: dist/functions.js + functions.json (custom functions), dist/taskpane.html + taskpane.js. */
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
  "./src/functions/timeShift.ts",
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

module.exports = async (env, argv) => {
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
