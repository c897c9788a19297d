/**
 * A WorkbookHost for component tests: holds a grid Workbook in memory, records every call, and can
 * hold a method's promise until the test releases it or make a method throw.
 */
import type { Cell, CellRef, Workbook } from "../../src/core/grid";
import type { CellSnapshot, CellWrite, FormulaWrite, MarkSpec, WorkbookHost } from "../../src/host/host";

export interface Call {
  method: string;
  args: unknown[];
}

type Method =
  | "readWorkbook"
  | "applyMarks"
  | "clearMarks"
  | "markedCount"
  | "selectCell"
  | "inspectCells"
  | "writeCells"
  | "writeFormulas"
  | "addReportSheet"
  | "loadSetting"
  | "saveSetting";

export class FakeHost implements WorkbookHost {
  readonly kind = "preview" as const;
  readonly calls: Call[] = [];
  readonly settings = new Map<string, string>();
  marks: MarkSpec[] = [];
  private holds = new Map<Method, { promise: Promise<void>; release: () => void }>();
  private failures = new Map<Method, Error>();

  constructor(public workbook: Workbook) {}

  /** The next calls of `method` wait until the returned function is called. */
  hold(method: Method): () => void {
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.holds.set(method, { promise, release });
    return () => {
      this.holds.delete(method);
      release();
    };
  }

  /** Every call of `method` throws `error` (after being recorded). */
  fail(method: Method, error: Error): void {
    this.failures.set(method, error);
  }

  /** `method` works again after fail(). */
  recover(method: Method): void {
    this.failures.delete(method);
  }

  callsOf(method: Method): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  private async enter(method: Method, args: unknown[]): Promise<void> {
    this.calls.push({ method, args });
    const hold = this.holds.get(method);
    if (hold) await hold.promise;
    const failure = this.failures.get(method);
    if (failure) throw failure;
  }

  private cell(ref: CellRef): Cell | undefined {
    return this.workbook.sheets.find((s) => s.name === ref.sheet)?.cells[ref.row]?.[ref.col];
  }

  async readWorkbook(): Promise<Workbook> {
    await this.enter("readWorkbook", []);
    return this.workbook;
  }

  async applyMarks(marks: MarkSpec[]): Promise<void> {
    await this.enter("applyMarks", [marks]);
    this.marks = marks;
  }

  async clearMarks(): Promise<void> {
    await this.enter("clearMarks", []);
    this.marks = [];
  }

  async markedCount(): Promise<number> {
    await this.enter("markedCount", []);
    return this.marks.length;
  }

  async selectCell(ref: CellRef): Promise<void> {
    await this.enter("selectCell", [ref]);
  }

  async inspectCells(refs: CellRef[]): Promise<CellSnapshot[]> {
    await this.enter("inspectCells", [refs]);
    return refs.map((ref) => {
      const c = this.cell(ref);
      const snap: CellSnapshot = { ref, value: c?.value ?? { kind: "empty" } };
      if (c?.formula) snap.formula = c.formula;
      return snap;
    });
  }

  async writeCells(writes: CellWrite[]): Promise<void> {
    await this.enter("writeCells", [writes]);
    for (const w of writes) {
      const sheet = this.workbook.sheets.find((s) => s.name === w.ref.sheet)!;
      // Like the hosts: "" empties the cell, a formula comes back with its last result; the format stays.
      const old = sheet.cells[w.ref.row]?.[w.ref.col];
      const cell: Cell = {
        value:
          typeof w.value === "number"
            ? { kind: "number", value: w.value }
            : w.value === ""
              ? { kind: "empty" }
              : { kind: "text", value: w.value },
      };
      if (w.formula !== undefined) cell.formula = w.formula;
      if (old?.numberFormat) cell.numberFormat = old.numberFormat;
      (sheet.cells[w.ref.row] ??= [])[w.ref.col] = cell;
    }
  }

  async writeFormulas(writes: FormulaWrite[]): Promise<void> {
    await this.enter("writeFormulas", [writes]);
    for (const w of writes) {
      const row = (this.workbook.sheets.find((s) => s.name === w.ref.sheet)!.cells[w.ref.row] ??= []);
      if ("formula" in w)
        row[w.ref.col] = { ...(row[w.ref.col] ?? { value: { kind: "empty" } }), formula: w.formula };
      else
        row[w.ref.col] = {
          value:
            typeof w.value === "number"
              ? { kind: "number", value: w.value }
              : typeof w.value === "boolean"
                ? { kind: "boolean", value: w.value }
                : { kind: "text", value: w.value },
        };
    }
  }

  async addReportSheet(rows: (string | number)[][], name = "校验报告"): Promise<string> {
    await this.enter("addReportSheet", [rows, name]);
    return name;
  }

  async loadSetting(key: string): Promise<string | null> {
    await this.enter("loadSetting", [key]);
    return this.settings.get(key) ?? null;
  }

  async saveSetting(key: string, value: string): Promise<void> {
    await this.enter("saveSetting", [key, value]);
    this.settings.set(key, value);
  }
}
