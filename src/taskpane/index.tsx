/** Excel entry: once Office is ready, render the pane bound to the Excel host. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../excel/excelHost";
import { PaneApp } from "../ui/Pane";
import { limitedHostNotice, paneDepsFor, type CompatGlobal, type OfficePlatform } from "./platform";

function OutsideExcel() {
  return (
    <p style={{ padding: 20 }}>
      这个页面需要在 Excel 中作为加载项打开。没有 Excel 时可以用{" "}
      <a href="preview.html?sample=正确填报示例.xlsx">浏览器预览</a>
      打开 .xlsx 文件试用。
    </p>
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
    // Installed from <DefaultSettings> without the shared runtime: say what is missing, keep the pane.
    const limited = limitedHostNotice((name, version) =>
      Office.context.requirements.isSetSupported(name, version),
    );
    // Office.PlatformType's values are these strings ("PC", "Mac", "OfficeOnline" …).
    const platform = (info.platform ?? null) as unknown as OfficePlatform;
    root.render(
      <>
        {limited && <p style={{ margin: 8 }}>{limited}</p>}
        <PaneApp host={createExcelHost()} deps={paneDepsFor(platform)} />
      </>,
    );
  } else {
    root.render(<OutsideExcel />);
  }
});
