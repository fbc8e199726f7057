// Webpack (ESM, ts-loader, no babel). Entries: the taskpane, the ribbon function file and the standalone page.
// The analysis worker is one more bundle (zhku-analysis.[hash].js), found by webpack in the
// `new Worker(new URL("./worker.ts", import.meta.url))` of src/app/worker/browserWorker.ts.
// Production: `npm run build -- --env url=https://host/path/` writes dist/ with manifest.xml pointing at that URL.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import HtmlWebpackPlugin from "html-webpack-plugin";
import CopyWebpackPlugin from "copy-webpack-plugin";
import { DEV_BASE, rewriteManifest, normaliseBaseUrl } from "./scripts/manifest-url.mjs";

const root = path.dirname(fileURLToPath(import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const port = Number(process.env.npm_package_config_dev_server_port ?? pkg.config?.dev_server_port ?? 3000);

/** HTTPS dev server only on request (ZHKU_HTTPS=1): certificates need a CA store and admin rights. */
async function httpsOptions() {
  const devCerts = await import("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

export default async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const baseUrl = env.url ? normaliseBaseUrl(env.url) : DEV_BASE;
  if (!dev && !env.url && !env.WEBPACK_SERVE) {
    console.warn(
      "webpack: dist/manifest.xml указывает на https://localhost:3000/ — для публикации соберите с --env url=https://ваш-сервер/путь/",
    );
  }
  const useHttps = process.env.ZHKU_HTTPS === "1";

  return {
    devtool: dev ? "eval-cheap-module-source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      standalone: "./src/standalone/index.tsx",
    },
    output: {
      path: path.join(root, "dist"),
      filename: "[name].[contenthash:8].js",
      // Scripts and the worker are found next to the page's own script, so dist/ works under any hosting path.
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
      // ExcelJS's browser build is picked through its "browser" field; Node built-ins are never needed on a page.
      fallback: { fs: false, path: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { noEmit: false } } },
        },
      ],
    },
    performance: { hints: false },
    optimization: { splitChunks: { chunks: "all" } },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "standalone.html",
        template: "./src/standalone/standalone.html",
        chunks: ["standalone"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", globOptions: { ignore: ["**/*.md"] } },
          { from: "src/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              baseUrl === DEV_BASE ? content : Buffer.from(rewriteManifest(content.toString(), baseUrl)),
          },
        ],
      }),
      {
        // Records the URL the manifest was built for, so the manifest tests know what to expect.
        apply(compiler) {
          compiler.hooks.thisCompilation.tap("BuildInfo", (compilation) => {
            compilation.hooks.processAssets.tap({ name: "BuildInfo", stage: 0 }, () => {
              const json = JSON.stringify({ baseUrl, mode: dev ? "development" : "production" }, null, 2);
              compilation.emitAsset("build-info.json", new compiler.webpack.sources.RawSource(json));
            });
          });
        },
      },
    ],
    devServer: {
      port,
      host: "localhost",
      static: false,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: useHttps ? { type: "https", options: await httpsOptions() } : "http",
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
