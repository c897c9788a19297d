/**
 * Browser preview: the same pane as in Excel, bound to a PreviewHost over an .xlsx file
 * (file picker, drag and drop, or ?sample=<name> from the bundled samples on the same origin).
 */
import {
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import * as React from "react";
import { createRoot } from "react-dom/client";
import type { FormResult } from "../core/model";
import { browserDownload } from "../ui/deps";
import { toPaneError, type PaneError } from "../ui/logic";
import { Pane } from "../ui/Pane";
import { GridView } from "./GridView";
import { PreviewHost } from "./previewHost";

const useStyles = makeStyles({
  app: { display: "flex", flexDirection: "column", height: "100vh", fontFamily: tokens.fontFamilyBase },
  bar: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    flexWrap: "wrap",
  },
  fileName: { flex: 1, minWidth: "120px", color: tokens.colorNeutralForeground2, wordBreak: "break-all" },
  body: { flex: 1, display: "flex", minHeight: 0 },
  gridArea: { flex: 1, minWidth: 0, display: "flex", flexDirection: "column", position: "relative" },
  pane: {
    width: "350px",
    boxSizing: "border-box",
    flexShrink: 0,
    overflowY: "auto",
    borderLeft: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  drop: {
    flex: 1,
    margin: tokens.spacingHorizontalXXL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    justifyContent: "center",
    gap: tokens.spacingVerticalM,
    color: tokens.colorNeutralForeground2,
    textAlign: "center",
    padding: tokens.spacingHorizontalL,
  },
  dragging: {
    position: "absolute",
    inset: 0,
    backgroundColor: "rgba(15, 108, 189, 0.08)",
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    pointerEvents: "none",
    zIndex: 5,
  },
  message: { margin: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}` },
});

/** ?sample=正确填报示例.xlsx → "正确填报示例.xlsx"; only a plain file name is accepted. */
export function sampleFromQuery(search: string): string | null {
  const name = new URLSearchParams(search).get("sample");
  if (!name || !/^[^/\\?#]+\.xlsx$/i.test(name) || name.startsWith(".")) return null;
  return name;
}

function markedName(fileName: string): string {
  return fileName.replace(/\.xlsx$/i, "") + "-已标注.xlsx";
}

function PreviewApp() {
  const s = useStyles();
  const host = React.useMemo(() => new PreviewHost(), []);
  const [file, setFile] = React.useState<{ name: string; id: number } | null>(null);
  const [loading, setLoading] = React.useState<string | null>(null);
  const [error, setError] = React.useState<PaneError | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [downloading, setDownloading] = React.useState(false);
  const results = React.useRef<FormResult[]>([]);
  const input = React.useRef<HTMLInputElement>(null);

  const open = React.useCallback(
    async (name: string, bytes: () => Promise<ArrayBuffer>) => {
      setLoading(name);
      setError(null);
      try {
        await host.load(await bytes(), name);
        results.current = [];
        setFile((f) => ({ name, id: (f?.id ?? 0) + 1 }));
      } catch (e) {
        setError(toPaneError(e, `打开“${name}”`));
      } finally {
        setLoading(null);
      }
    },
    [host]
  );

  const openFile = React.useCallback(
    (f: File | undefined) => {
      if (!f) return;
      if (!/\.xlsx$/i.test(f.name)) {
        setError({ code: "UnsupportedFile", message: "只支持 .xlsx 文件（.xls 请先在 Excel 中另存为 .xlsx）。", action: `打开“${f.name}”` });
        return;
      }
      void open(f.name, () => f.arrayBuffer());
    },
    [open]
  );

  // ?sample=<name>: a bundled sample from the same origin (dist/samples/).
  React.useEffect(() => {
    const sample = sampleFromQuery(window.location.search);
    if (!sample) return;
    const url = new URL(`samples/${encodeURIComponent(sample)}`, window.location.href);
    if (url.origin !== window.location.origin) return;
    void open(sample, async () => {
      const res = await fetch(url.href, { credentials: "same-origin" });
      if (!res.ok) throw Object.assign(new Error(`示例文件 ${sample} 不存在（HTTP ${res.status}）。`), { code: "SampleNotFound" });
      return res.arrayBuffer();
    });
  }, [open]);

  const download = async () => {
    if (!host.fileName) return;
    setDownloading(true);
    setError(null);
    try {
      const bytes = await host.markedCopy(results.current);
      const blob = new Blob([bytes as BlobPart], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      browserDownload(markedName(host.fileName), blob);
    } catch (e) {
      setError(toPaneError(e, "下载已标注副本"));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <div
      className={s.app}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        openFile(e.dataTransfer.files[0]);
      }}
    >
      <header className={s.bar}>
        <Subtitle2 as="h1">绩效自评助手 · 浏览器预览</Subtitle2>
        <Caption1 className={s.fileName} data-testid="file-name">
          {loading ? `正在打开 ${loading}…` : (file?.name ?? "未打开文件")}
        </Caption1>
        <input
          ref={input}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          data-testid="file-input"
          onChange={(e) => {
            openFile(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        <Button icon={<FolderOpenRegular />} onClick={() => input.current?.click()} disabled={loading !== null}>
          打开文件
        </Button>
        <Button
          icon={downloading ? <Spinner size="tiny" /> : <ArrowDownloadRegular />}
          onClick={() => void download()}
          disabled={!file || downloading || loading !== null}
        >
          下载已标注副本
        </Button>
      </header>
      {error && (
        <MessageBar intent="error" className={s.message} data-testid="preview-error" data-code={error.code}>
          <MessageBarBody>
            <MessageBarTitle>{error.action}失败</MessageBarTitle>
            {error.message}（错误代码：{error.code}）
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={s.body}>
        <section className={s.gridArea} aria-label="工作表预览">
          {file ? (
            <GridView host={host} />
          ) : (
            <div className={s.drop}>
              {loading ? <Spinner label={`正在打开 ${loading}…`} /> : <Subtitle2>把 .xlsx 自评表拖到这里</Subtitle2>}
              <Caption1>或点击上方「打开文件」。文件只在本浏览器中处理，不会上传。</Caption1>
            </div>
          )}
          {dragging && <div className={s.dragging} />}
        </section>
        <aside className={s.pane} aria-label="绩效自评助手任务窗格" data-testid="pane">
          <Pane
            key={file?.id ?? 0}
            host={host}
            onResults={(r) => {
              results.current = r;
            }}
          />
        </aside>
      </div>
    </div>
  );
}

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <PreviewApp />
    </FluentProvider>
  );
}
