/**
 * The browser page around the pane: a file bar (打开文件, 下载已标注副本), the read-only grid and the
 * same Pane as in Excel, bound to a PreviewHost over an .xlsx file. Two entries render it:
 * - index.tsx, the served preview (dist/preview.html; also opens ?sample=<name> from the same origin);
 * - offline.tsx, the offline single-file checker (dist/绩效自评校验.html: no server, no connection).
 * Under 800 px the pane goes below the grid instead of beside it (a narrow browser window).
 */
import {
  Button,
  Caption1,
  FluentProvider,
  makeStyles,
  mergeClasses,
  Spinner,
  Subtitle2,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular } from "@fluentui/react-icons";
import * as React from "react";
import { createRoot } from "react-dom/client";
import type { FormResult } from "../core/model";
import { HostError } from "../host/host";
import { AUTO_PROFILE_ID, browserDownload, defaultDeps } from "../ui/deps";
import { PROFILE_SETTING } from "../ui/usePane";
import { markedCopyName } from "../io/names";
import { ErrorBanner, MessageBanner } from "../ui/ErrorBanner";
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
  // Narrow window (half a small laptop screen): grid above, pane below, both full width.
  narrowBody: {
    "@media (max-width: 800px)": { flexDirection: "column", overflowY: "auto" },
  },
  narrowGrid: { "@media (max-width: 800px)": { flex: "none", height: "55vh", minHeight: "240px" } },
  narrowPane: {
    "@media (max-width: 800px)": {
      width: "100%",
      flexShrink: 1,
      overflowY: "visible",
      borderLeft: "none",
      borderTop: `1px solid ${tokens.colorNeutralStroke1}`,
    },
  },
});

/** The check the pane would run (its remembered profile, else 自动) of the file as it is now. */
async function checkNow(host: PreviewHost): Promise<FormResult[]> {
  const saved = await host.loadSetting(PROFILE_SETTING);
  const id = saved && defaultDeps.profiles.some((p) => p.id === saved) ? saved : AUTO_PROFILE_ID;
  return defaultDeps.check(await host.readWorkbook(), id);
}

export interface PreviewAppProps {
  /** Title in the bar and the tab. */
  title: string;
  /**
   * Called once after mounting with the page's `open(name, bytes)`: the served preview uses it for
   * ?sample=<name>; the offline page opens nothing by itself.
   */
  onStart?: (open: (name: string, bytes: () => Promise<ArrayBuffer>) => Promise<void>) => void;
}

export function PreviewApp({ title, onStart }: PreviewAppProps) {
  const s = useStyles();
  const host = React.useMemo(() => new PreviewHost(), []);
  const [file, setFile] = React.useState<{ name: string; id: number } | null>(null);
  const [loading, setLoading] = React.useState<string | null>(null);
  const [error, setError] = React.useState<PaneError | null>(null);
  /** What the page's last action did (已下载：…). */
  const [notice, setNotice] = React.useState<string | null>(null);
  /** Bumped when the page starts an action: the pane then drops its own stale messages. */
  const [clearSignal, setClearSignal] = React.useState(0);
  const [dragging, setDragging] = React.useState(false);
  const [downloading, setDownloading] = React.useState(false);
  const results = React.useRef<FormResult[]>([]);
  const input = React.useRef<HTMLInputElement>(null);

  /** A new action of the page: every message on the page (its own and the pane's) is stale now. */
  const startAction = React.useCallback(() => {
    setError(null);
    setNotice(null);
    setClearSignal((n) => n + 1);
  }, []);
  const paneActionStarted = React.useCallback(() => {
    setError(null);
    setNotice(null);
  }, []);

  const open = React.useCallback(
    async (name: string, bytes: () => Promise<ArrayBuffer>) => {
      startAction();
      setLoading(name);
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
    [host, startAction],
  );

  const openFile = React.useCallback(
    (f: File | undefined) => {
      if (!f) return;
      if (!/\.xlsx$/i.test(f.name)) {
        startAction();
        setError({
          code: "UnsupportedFile",
          message: "只支持 .xlsx 文件（.xls 请先在 Excel 中另存为 .xlsx）。",
          action: `打开“${f.name}”`,
        });
        return;
      }
      void open(f.name, () => f.arrayBuffer());
    },
    [open, startAction],
  );

  // Once: the entry's start-up (the served preview opens ?sample=<name>).
  const started = React.useRef(false);
  React.useEffect(() => {
    if (started.current) return;
    started.current = true;
    onStart?.(open);
  }, [open, onStart]);

  const download = async () => {
    if (!host.fileName) return;
    setDownloading(true);
    startAction();
    try {
      // Not checked yet: checked now, under the remembered rule profile, for the copy's 复核底稿.
      const checked = results.current.length > 0 ? results.current : await checkNow(host);
      const bytes = await host.markedCopy(checked);
      const blob = new Blob([bytes as BlobPart], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
      const name = markedCopyName(host.fileName, 1, host.copyKind());
      browserDownload(name, blob);
      setNotice(`已下载：${name}`);
    } catch (e) {
      // A HostError already speaks Chinese; anything else is the .xlsx library failing to re-save the file.
      setError(
        e instanceof HostError
          ? toPaneError(e, "下载已标注副本")
          : {
              code: "MarkedCopyFailed",
              message:
                "无法生成已标注副本：文件中有本程序无法重新保存的内容。原文件没有改动；可在 Excel 或 WPS 中把原文件另存为 .xlsx 后再试。",
              action: "下载已标注副本",
            },
      );
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
        <Subtitle2 as="h1">{title}</Subtitle2>
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
        <Button
          icon={<FolderOpenRegular />}
          onClick={() => input.current?.click()}
          disabled={loading !== null}
        >
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
        <ErrorBanner
          error={error}
          testId="preview-error"
          className={s.message}
          onDismiss={() => setError(null)}
        />
      )}
      {notice && (
        <MessageBanner
          intent="success"
          testId="preview-notice"
          className={s.message}
          onDismiss={() => setNotice(null)}
        >
          {notice}
        </MessageBanner>
      )}
      <div className={mergeClasses(s.body, s.narrowBody)}>
        <section className={mergeClasses(s.gridArea, s.narrowGrid)} aria-label="工作表预览">
          {file ? (
            <GridView host={host} />
          ) : (
            <div className={s.drop}>
              {loading ? (
                <Spinner label={`正在打开 ${loading}…`} />
              ) : (
                <Subtitle2>把 .xlsx 自评表拖到这里</Subtitle2>
              )}
              <Caption1>或点击上方「打开文件」。文件只在本浏览器中处理，不会上传。</Caption1>
            </div>
          )}
          {dragging && <div className={s.dragging} />}
        </section>
        <aside className={mergeClasses(s.pane, s.narrowPane)} aria-label="校验面板" data-testid="pane">
          <Pane
            key={file?.id ?? 0}
            host={host}
            onResults={(r) => {
              results.current = r;
            }}
            onActionStart={paneActionStarted}
            clearSignal={clearSignal}
          />
        </aside>
      </div>
    </div>
  );
}

/** Renders the page into `container` (both entries). */
export function mountPreview(container: HTMLElement, props: PreviewAppProps): void {
  document.title = props.title;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <PreviewApp {...props} />
    </FluentProvider>,
  );
}
