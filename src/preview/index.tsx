/**
 * Browser preview (dist/preview.html, served): the page of PreviewApp.tsx, plus ?sample=<name> to open
 * one of the bundled samples from the same origin (dist/samples/).
 */
import { mountPreview } from "./PreviewApp";

/** ?sample=正确填报示例.xlsx → "正确填报示例.xlsx"; only a plain file name is accepted. */
export function sampleFromQuery(search: string): string | null {
  const name = new URLSearchParams(search).get("sample");
  if (!name || !/^[^/\\?#]+\.xlsx$/i.test(name) || name.startsWith(".")) return null;
  return name;
}

const container = document.getElementById("container");
if (container) {
  mountPreview(container, {
    title: "绩效自评助手 · 浏览器预览",
    onStart: (open) => {
      const sample = sampleFromQuery(window.location.search);
      if (!sample) return;
      const url = new URL(`samples/${encodeURIComponent(sample)}`, window.location.href);
      if (url.origin !== window.location.origin) return;
      void open(sample, async () => {
        const res = await fetch(url.href, { credentials: "same-origin" });
        if (!res.ok)
          throw Object.assign(new Error(`示例文件 ${sample} 不存在（HTTP ${res.status}）。`), {
            code: "SampleNotFound",
          });
        return res.arrayBuffer();
      });
    },
  });
}
