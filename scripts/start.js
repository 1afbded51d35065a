/**
 * `npm start`: a development build served at https://localhost:3000/ by webpack-dev-server
 * (from memory, rebuilt on change), then how to sideload manifest.xml into Excel.
 *
 * HTTPS certificates come from office-addin-dev-certs. Trusting its CA needs sudo (Linux) or an
 * administrator prompt; where that fails we still serve with its certificate and say that
 * browsers and Excel on this machine will not trust it.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");
const devCerts = require("office-addin-dev-certs");
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const makeConfig = require("../webpack.config.js");

// Where office-addin-dev-certs writes them (its defaults module is not part of its API).
const CERT_DIR = path.join(os.homedir(), ".office-addin-dev-certs");
const CERT_FILES = { ca: path.join(CERT_DIR, "ca.crt"), cert: path.join(CERT_DIR, "localhost.crt"), key: path.join(CERT_DIR, "localhost.key") };

async function httpsOptions() {
  try {
    const { ca, cert, key } = await devCerts.getHttpsServerOptions();
    return { ca, cert, key };
  } catch (error) {
    if (!Object.values(CERT_FILES).every((file) => fs.existsSync(file))) {
      // `install` writes the certificates before it asks sudo to trust the CA, so the files
      // exist even though it fails there.
      const cli = path.join(path.dirname(require.resolve("office-addin-dev-certs/package.json")), "cli.js");
      spawnSync(process.execPath, [cli, "install"], { stdio: "inherit" });
    }
    const missing = Object.values(CERT_FILES).filter((file) => !fs.existsSync(file));
    if (missing.length > 0) throw new Error(`无法生成开发证书 / cannot create the development certificates: ${missing.join(", ")}\n${error.message}`);
    console.warn(
      [
        "",
        `注意：本机无法信任开发证书颁发机构（${error.message.split("\n")[0]}）。`,
        "Note: the development CA is not trusted on this machine; browsers and Excel here will warn about the certificate.",
        `在运行 Excel 的电脑上信任 / On the computer running Excel, trust: ${CERT_FILES.ca}`,
        "",
      ].join("\n"),
    );
    return Object.fromEntries(Object.entries(CERT_FILES).map(([name, file]) => [name, fs.readFileSync(file)]));
  }
}

function sideloadHelp(url) {
  const manifest = path.resolve(__dirname, "..", "manifest.xml");
  const lines = [
    "",
    `党建考核助手已在 ${url} 提供服务 / The add-in is served at ${url}`,
    `  任务窗格 / task pane: ${url}taskpane.html`,
    `  浏览器预览（无需 Excel）/ browser preview (no Excel needed): ${url}preview.html`,
    `  清单 / manifest: ${manifest}`,
    "",
    "在 Excel 中加载 / Sideload into Excel:",
    "  Windows / Mac 桌面版 (desktop):",
    "    另开一个终端运行 / in another terminal run:  npx office-addin-debugging start manifest.xml desktop",
    "    Windows 也可用共享文件夹目录：共享 manifest.xml 所在文件夹，在“文件 > 选项 > 信任中心 > 信任中心设置 >",
    "    受信任的加载项目录”中添加其网络路径，重启 Excel 后在“插入 > 我的加载项 > 共享文件夹”中添加。",
    "    Windows, shared folder catalog: share the folder holding manifest.xml, add its network path under",
    "    File > Options > Trust Center > Trust Center Settings > Trusted Add-in Catalogs, restart Excel,",
    "    then Insert > My Add-ins > Shared Folder.",
    "    Mac: 将 manifest.xml 复制到 / copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
    "  Excel 网页版 (Excel on the web):",
    "    开始 > 加载项 > 更多加载项 > 上传我的加载项，选择 manifest.xml。",
    "    Home > Add-ins > More Add-ins > Upload My Add-in, and choose manifest.xml.",
  ];
  if (process.platform === "linux") {
    lines.push(
      "",
      "本机为 Linux：office-addin-debugging 无法在此加载。清单指向 https://localhost:3000/，请在本机浏览器中打开 Excel 网页版上传 manifest.xml，",
      "或在 Windows/Mac 上运行 npm start 后加载。",
      "This is Linux: office-addin-debugging cannot sideload here. The manifest points at https://localhost:3000/: upload it to",
      "Excel on the web in a browser on this machine, or run npm start on Windows/Mac and sideload there.",
    );
  }
  lines.push("", "按 Ctrl+C 停止 / Press Ctrl+C to stop.", "");
  return lines.join("\n");
}

async function main() {
  const config = makeConfig({}, { mode: "development" });
  config.mode = "development";
  const compiler = webpack(config);
  const server = new WebpackDevServer({ ...config.devServer, server: { type: "https", options: await httpsOptions() } }, compiler);
  // After the first build's log, where it is not scrolled away.
  let helped = false;
  compiler.hooks.done.tap("sideload-help", () => {
    if (!helped) console.log(sideloadHelp(`https://localhost:${config.devServer.port}/`));
    helped = true;
  });
  await server.start();
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
