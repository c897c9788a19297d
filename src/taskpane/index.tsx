/** Excel entry: once Office is ready, render the pane bound to the Excel host. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../excel/excelHost";
import { PaneApp } from "../ui/Pane";
import { paneDepsFor, type CompatGlobal } from "./platform";

function OutsideExcel() {
  return (
    <div style={{ padding: 20, fontSize: 14, lineHeight: 1.6 }}>
      <h1 style={{ fontSize: 18 }}>绩效自评助手</h1>
      <p>这个页面需要在 Excel 中作为加载项打开。</p>
      <p>
        没有 Excel 时可以用{" "}
        <a href="preview.html?sample=%E6%AD%A3%E7%A1%AE%E5%A1%AB%E6%8A%A5%E7%A4%BA%E4%BE%8B.xlsx">
          浏览器预览
        </a>
        打开 .xlsx 文件试用。
      </p>
    </div>
  );
}

Office.onReady((info) => {
  const container = document.getElementById("container");
  if (!container) return;
  // compat.js (loaded first, ES5) explains an Excel build without the add-in's requirement sets.
  const compat = (window as unknown as { jixiaoCompat?: CompatGlobal }).jixiaoCompat;
  const tooOld = info.host === Office.HostType.Excel ? compat?.officeProblem(Office) : null;
  if (compat && tooOld) {
    compat.show(tooOld);
    return;
  }
  const root = createRoot(container);
  if (info.host === Office.HostType.Excel) {
    root.render(
      <PaneApp
        host={createExcelHost()}
        deps={paneDepsFor({ isMac: info.platform === Office.PlatformType.Mac })}
      />,
    );
  } else {
    root.render(<OutsideExcel />);
  }
});
