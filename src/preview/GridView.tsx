/**
 * Read-only grid of the preview's workbook with the pane's highlights. Every cell carries
 * data-cell="自评表!H12" and, when not empty, data-raw (its exact value and formula); a marked cell also
 * data-mark="error|warning|info". The selected cell is
 * outlined and scrolled into view.
 */
import { makeStyles, mergeClasses, Tab, TabList, tokens } from "@fluentui/react-components";
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
  scroller: {
    flex: 1,
    overflow: "auto",
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
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

export function GridView({ host }: { host: PreviewHost }) {
  const s = useStyles();
  const version = React.useSyncExternalStore(host.subscribe, host.getVersion);
  const workbook = host.workbook;
  const [active, setActive] = React.useState<string | null>(null);
  const scroller = React.useRef<HTMLDivElement>(null);
  const lastSelected = React.useRef<string | null>(null);

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
    const el = scroller.current?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(refToString(sel))}"]`);
    el?.scrollIntoView({ block: "center", inline: "center", behavior: "auto" });
  }, [version, activeName, host]);

  if (!workbook) return null;
  const sheet = sheets.find((x) => x.name === activeName);
  const size = sheet ? sheetSize(sheet) : { rows: 0, cols: 0 };
  return (
    <div className={s.root}>
      <TabList
        size="small"
        selectedValue={activeName ?? undefined}
        onTabSelect={(_e, d) => setActive(String(d.value))}
        aria-label="工作表"
      >
        {sheets.map((x) => (
          <Tab key={x.name} value={x.name}>
            {x.name}
            {x.hidden ? "（隐藏）" : ""}
          </Tab>
        ))}
      </TabList>
      <div className={s.scroller} ref={scroller}>
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
