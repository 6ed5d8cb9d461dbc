/* SHIELD build: dist/functions.js + functions.json (custom functions), dist/taskpane.html + taskpane.js. */
const path = require("path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

/** Files of @customfunction declarations; functions.ts imports each of them. */
const FUNCTION_FILES = [
  "./src/functions/options.ts",
  "./src/functions/impliedVol.ts",
  "./src/functions/condor.ts",
  "./src/functions/hedge.ts",
  "./src/functions/signals.ts",
];

const DEV_PORT = 3000;

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
