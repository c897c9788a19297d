/**
 * Read-only grid of the preview's workbook with the pane's highlights. Every cell carries
 * data-cell="自评表!H12" and, when not empty, data-raw (its exact value and formula); a marked cell also
 * data-mark="error|warning|info". The selected cell is
 * outlined and scrolled into view inside the grid only: the page around it (the findings list the
 * click came from) keeps its scroll position and focus.
 *
 * The sheet tabs are a plain ARIA tab list rather than Fluent's TabList: that one's arrow-key focus
 * manager puts aria-hidden, focusable focus guards around the tabs, which axe reports
 * (aria-hidden-focus). The scroll area is the tab panel and takes focus, so the keyboard can scroll it.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import * as React from "react";
import { columnLetter, isPercentFormat, refToString, sheetSize, type Cell, type Sheet } from "../core/grid";
import { formatNumber } from "../core/numbers";
import { MARK_COLORS } from "../core/marks";
import { SEVERITY_LABEL } from "../ui/labels";
import { markKey, type PreviewHost } from "./previewHost";

const MAX_ROWS = 2000;
const MAX_COLS = 80;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minHeight: 0, height: "100%" },
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    gap: "2px",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
  },
  tab: {
    border: "none",
    borderBottom: "2px solid transparent",
    background: "transparent",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    cursor: "pointer",
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  tabSelected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    borderBottomColor: tokens.colorCompoundBrandStroke,
  },
  scroller: {
    flex: 1,
    overflow: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
  },
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    fontSize: "12px",
    fontFamily: tokens.fontFamilyBase,
    tableLayout: "auto",
    "& td, & th": {
      borderRight: "1px solid #e1e1e1",
      borderBottom: "1px solid #e1e1e1",
      padding: "2px 4px",
      verticalAlign: "middle",
    },
  },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: "#f3f3f3",
    color: "#616161",
    fontWeight: 400,
    minWidth: "56px",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    backgroundColor: "#f3f3f3",
    color: "#616161",
    textAlign: "right",
    minWidth: "28px",
  },
  corner: { position: "sticky", top: 0, left: 0, zIndex: 3, backgroundColor: "#f3f3f3" },
  cell: {
    minWidth: "56px",
    maxWidth: "260px",
    whiteSpace: "pre-wrap",
    wordBreak: "break-word",
    backgroundColor: "#ffffff",
  },
  number: { textAlign: "right", whiteSpace: "nowrap" },
  error: { backgroundColor: MARK_COLORS.error },
  warning: { backgroundColor: MARK_COLORS.warning },
  info: { backgroundColor: MARK_COLORS.info },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  note: { padding: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
});

function dateText(serial: number): string {
  const d = new Date(Math.round((serial - 25569) * 86400000));
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

/** What Excel would roughly show: percentages and fixed decimals follow the number format. */
export function displayText(cell: Cell | undefined): string {
  if (!cell) return "";
  const v = cell.value;
  switch (v.kind) {
    case "empty":
      return "";
    case "number": {
      const fmt = cell.numberFormat ?? "";
      const decimals = /0\.(0+)/.exec(fmt.replace(/"[^"]*"/g, ""))?.[1].length;
      if (isPercentFormat(fmt)) {
        const pct = v.value * 100;
        return `${decimals !== undefined ? pct.toFixed(decimals) : formatNumber(pct, 2)}%`;
      }
      return decimals !== undefined ? v.value.toFixed(decimals) : formatNumber(v.value, 4);
    }
    case "text":
      return v.value;
    case "boolean":
      return v.value ? "TRUE" : "FALSE";
    case "error":
      return v.value;
    case "date":
      return dateText(v.serial);
  }
}

/** The cell's exact content (value with its kind, and formula) for tests comparing a workbook's values. */
export function rawText(cell: Cell | undefined): string | undefined {
  if (!cell || (cell.value.kind === "empty" && !cell.formula)) return undefined;
  return JSON.stringify([cell.value, cell.formula ?? null]);
}

interface SheetTableProps {
  sheet: Sheet;
  host: PreviewHost;
}

function SheetTable({ sheet, host }: SheetTableProps) {
  const s = useStyles();
  const size = sheetSize(sheet);
  const rows = Math.min(Math.max(size.rows, 20), MAX_ROWS);
  const cols = Math.min(Math.max(size.cols, 8), MAX_COLS);

  // Cells hidden under a merge, and the spans of merge masters.
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    if (m.top >= rows || m.left >= cols) continue;
    const bottom = Math.min(m.bottom, rows - 1);
    const right = Math.min(m.right, cols - 1);
    spans.set(`${m.top},${m.left}`, { rowSpan: bottom - m.top + 1, colSpan: right - m.left + 1 });
    for (let r = m.top; r <= bottom; r++)
      for (let c = m.left; c <= right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }

  const selected = host.selected?.sheet === sheet.name ? host.selected : null;
  const body: React.ReactNode[] = [];
  for (let r = 0; r < rows; r++) {
    const tds: React.ReactNode[] = [
      <th key="h" className={s.rowHead} scope="row">
        {r + 1}
      </th>,
    ];
    for (let c = 0; c < cols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const ref = { sheet: sheet.name, row: r, col: c };
      const cell = sheet.cells[r]?.[c];
      const mark = host.marks.get(markKey(ref));
      const isSelected = selected !== null && selected.row === r && selected.col === c;
      const span = spans.get(`${r},${c}`);
      tds.push(
        <td
          key={c}
          data-cell={refToString(ref)}
          data-raw={rawText(cell)}
          data-mark={mark?.severity}
          data-selected={isSelected ? "true" : undefined}
          title={
            mark
              ? (mark.note ?? SEVERITY_LABEL[mark.severity])
              : cell?.formula
                ? `=${cell.formula}`
                : undefined
          }
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          className={mergeClasses(
            s.cell,
            cell?.value.kind === "number" && s.number,
            mark && s[mark.severity],
            isSelected && s.selected,
          )}
        >
          {displayText(cell)}
        </td>,
      );
    }
    body.push(<tr key={r}>{tds}</tr>);
  }

  return (
    <table className={s.table} aria-label={`工作表 ${sheet.name}`} data-sheet={sheet.name}>
      <thead>
        <tr>
          <th className={s.corner} />
          {Array.from({ length: cols }, (_, c) => (
            <th key={c} className={s.colHead} scope="col">
              {columnLetter(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{body}</tbody>
    </table>
  );
}

/** Scrolls `scroller` (and nothing around it) so that `el` is in the middle of it. */
export function centerInScroller(scroller: HTMLElement, el: HTMLElement): void {
  const outer = scroller.getBoundingClientRect();
  const inner = el.getBoundingClientRect();
  scroller.scrollTop += inner.top - outer.top - (scroller.clientHeight - inner.height) / 2;
  scroller.scrollLeft += inner.left - outer.left - (scroller.clientWidth - inner.width) / 2;
}

interface SheetTabsProps {
  sheets: Sheet[];
  active: string | null;
  /** id of the tab panel (the grid's scroll area). */
  panelId: string;
  idOf(index: number): string;
  onSelect(name: string): void;
}

/** role=tablist with one tab stop (the selected tab); ←/→, Home and End move between sheets. */
function SheetTabs({ sheets, active, panelId, idOf, onSelect }: SheetTabsProps) {
  const s = useStyles();
  const buttons = React.useRef<(HTMLButtonElement | null)[]>([]);
  const current = Math.max(
    0,
    sheets.findIndex((x) => x.name === active),
  );
  const go = (index: number) => {
    const n = sheets.length;
    const i = ((index % n) + n) % n;
    onSelect(sheets[i].name);
    buttons.current[i]?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const to: Record<string, number> = {
      ArrowRight: current + 1,
      ArrowLeft: current - 1,
      Home: 0,
      End: sheets.length - 1,
    };
    if (!(e.key in to)) return;
    e.preventDefault();
    go(to[e.key]);
  };
  return (
    <div role="tablist" aria-label="工作表" className={s.tabs} onKeyDown={onKeyDown}>
      {sheets.map((x, i) => (
        <button
          key={x.name}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          role="tab"
          id={idOf(i)}
          aria-selected={i === current}
          aria-controls={panelId}
          tabIndex={i === current ? 0 : -1}
          className={mergeClasses(s.tab, i === current && s.tabSelected)}
          onClick={() => onSelect(x.name)}
        >
          {x.name}
          {x.hidden ? "（隐藏）" : ""}
        </button>
      ))}
    </div>
  );
}

export function GridView({ host }: { host: PreviewHost }) {
  const s = useStyles();
  const version = React.useSyncExternalStore(host.subscribe, host.getVersion);
  const workbook = host.workbook;
  const [active, setActive] = React.useState<string | null>(null);
  const scroller = React.useRef<HTMLDivElement>(null);
  const lastSelected = React.useRef<string | null>(null);
  const ids = React.useId().replace(/:/g, "");

  const sheets = workbook?.sheets ?? [];
  const activeName =
    active && sheets.some((x) => x.name === active)
      ? active
      : (sheets.find((x) => !x.hidden)?.name ?? sheets[0]?.name ?? null);

  // Follow selectCell: switch to the cell's sheet, then scroll it into view.
  React.useEffect(() => {
    const sel = host.selected;
    const key = sel ? `${refToString(sel)}#${version}` : null;
    if (!sel || key === lastSelected.current) return;
    lastSelected.current = key;
    if (sel.sheet !== activeName) {
      setActive(sel.sheet);
      lastSelected.current = null; // scroll after the sheet has rendered
      return;
    }
    const box = scroller.current;
    const el = box?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(refToString(sel))}"]`);
    // Not scrollIntoView: that also scrolls every scrollable ancestor (the narrow page with the findings list).
    if (box && el) centerInScroller(box, el);
  }, [version, activeName, host]);

  if (!workbook) return null;
  const sheet = sheets.find((x) => x.name === activeName);
  const size = sheet ? sheetSize(sheet) : { rows: 0, cols: 0 };
  const activeIndex = Math.max(
    0,
    sheets.findIndex((x) => x.name === activeName),
  );
  return (
    <div className={s.root}>
      <SheetTabs
        sheets={sheets}
        active={activeName}
        panelId={`${ids}-panel`}
        idOf={(i) => `${ids}-tab-${i}`}
        onSelect={setActive}
      />
      <div
        className={s.scroller}
        ref={scroller}
        id={`${ids}-panel`}
        role="tabpanel"
        aria-labelledby={`${ids}-tab-${activeIndex}`}
        tabIndex={0}
      >
        {sheet && <SheetTable sheet={sheet} host={host} />}
        {sheet && (size.rows > MAX_ROWS || size.cols > MAX_COLS) && (
          <div className={s.note}>
            只显示前 {MAX_ROWS} 行、{MAX_COLS} 列（共 {size.rows} 行、{size.cols} 列）。
          </div>
        )}
      </div>
    </div>
  );
}
