/* global setTimeout, Buffer */
/**
 * A strict in-memory double of the Excel JavaScript API — exactly the surface src/excel/ uses, no more.
 *
 * Honest where it matters:
 * - Commands are queued and run only at context.sync(), in order. Loaded values become readable only
 *   after the sync that loaded them; reading earlier throws PropertyNotLoaded (office-addin-mock would
 *   return a string instead). load() without arguments, or of a navigation property, throws.
 * - A failing command rejects the sync with a RichApi-style error { name, code, message }; commands
 *   queued before it stay applied, later ones are dropped, and no loaded value of that sync is delivered.
 * - *OrNullObject proxies get isNullObject after a sync; reading other properties of a null object throws,
 *   and so does calling through one (the adapter must not chain on a possibly-null proxy).
 * - Fills: "no fill" reads as color "#FFFFFF", pattern "None" (or null, option) and tintAndShade null;
 *   a white fill reads "#FFFFFF"/"Solid"/0. Reading the fill of a multi-cell range is not modelled.
 * - Range.getCellProperties (ExcelApi 1.9) is modelled for format.fill {color, pattern, patternColor,
 *   tintAndShade} only (anything else is a misuse); each cell's fill reads as RangeFill would, and the
 *   ClientResult's value throws until the sync that produced it.
 * - Worksheet.getUsedRange(valuesOnly) is never null: a blank sheet gives A1 (documented in the API
 *   reference); getUsedRangeOrNullObject gives a null object instead.
 * - Worksheet.getRanges rejects address strings of 8,200+ characters (office-js#5198).
 * - Writing into locked cells of a protected sheet, or formatting it without allowFormatCells, fails
 *   with AccessDenied. Strings written to non-text cells are parsed like typed input ("12" → 12,
 *   "=A1" → formula).
 * - save()/ExcelDouble.reopen() round-trip the workbook as plain data; reopen gives sheets new ids.
 * syncCount counts context.sync() calls (plus implicitSyncs for commands left queued at the end of run).
 * - Requirement sets (option apiVersion, e.g. "1.4"): a method or property of a newer ExcelApi set throws
 *   ApiNotFound when called/loaded, as on a build that lacks it (sets from the API reference, noted at
 *   each call). Default: every set.
 * - Response size: responseBytes[i] is the UTF-8 size of the JSON of everything sync i delivered; with
 *   maxResponseBytes (Excel on the web: 5 MB) a larger response rejects the sync with
 *   ResponsePayloadSizeLimitExceeded and delivers nothing.
 * - Workbook structure protection (WorkbookData.structureProtected, ExcelApi 1.7 to read): adding,
 *   deleting and hiding/unhiding sheets fail with AccessDenied.
 * - insertRows/deleteRows/renameSheet (test helpers, as the user would do them) update formulas that
 *   refer to the moved cells, in every sheet, as Excel does; a reference to a deleted cell becomes #REF!.
 * - Report-sheet layout: RangeFormat.columnWidth / verticalAlignment / wrapText and RangeFont.bold
 *   (ExcelApi 1.1) are logged in `formats` ("Sheet!A1:B2" → property → value), autofitRows (1.2) in
 *   autofitRowsCalls; Worksheet.freezePanes.freezeRows (1.7), autoFilter.apply (1.9) and pageLayout (1.9:
 *   orientation, paperSize, zoom, setPrintTitleRows, headersFooters.defaultForAllPages center texts) in
 *   `sheetLayout` by sheet name. Rendering (real widths, wrapped heights) is not modelled.
 */
import type { CellRange } from "../../../src/core/grid";

export interface FillData {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
}

export interface CellData {
  value?: number | string | boolean;
  /** An error value such as "#DIV/0!". */
  error?: string;
  /** With the leading "="; `value`/`error` hold the cached result. */
  formula?: string;
  numberFormat?: string;
  fill?: FillData;
  /** Default true, as in Excel. */
  locked?: boolean;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface SheetData {
  name: string;
  id: string;
  visibility: Visibility;
  /** Keyed "row,col" (0-based). */
  cells: Record<string, CellData>;
  merges: CellRange[];
  protected?: boolean;
  allowFormatCells?: boolean;
}

export interface WorkbookData {
  sheets: SheetData[];
  /** Review → Protect Workbook (structure). */
  structureProtected?: boolean;
  /** Document settings as saved with the file. */
  settings: Record<string, unknown>;
}

export interface DoubleOptions {
  /** What "no fill" reads as in RangeFill.pattern ("None"; some builds give null, office-js#4900). */
  noFillPattern?: "None" | null;
  /** Highest ExcelApi requirement set the simulated build supports ("1.4"); default: all. */
  apiVersion?: string;
  /** Largest response of one sync in bytes (Excel on the web: 5 MB); default: unlimited. */
  maxResponseBytes?: number;
}

/** "1.10" > "1.9": compares requirement-set versions numerically. */
export function apiAtLeast(version: string, needed: string): boolean {
  const [a1, a2] = version.split(".").map(Number);
  const [b1, b2] = needed.split(".").map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

function requireApi(book: ExcelDouble, set: string, what: string): void {
  const v = book.options.apiVersion;
  if (v !== undefined && !apiAtLeast(v, set)) {
    throw new RichApiError("ApiNotFound", `${what} needs ExcelApi ${set}; this build has ${v}.`);
  }
}

function jsonBytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v) ?? "", "utf8");
}

export class RichApiError extends Error {
  override name = "RichApi.Error";
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A misuse of the API by the code under test (not something Excel would answer with a code). */
export class DoubleMisuse extends Error {
  override name = "DoubleMisuse";
}

/** OfficeExtension.ClientResult: `value` is readable only after the sync that produced it. */
export class ClientResult<T> {
  private delivered = false;
  private result: T | undefined;
  /** @internal */ deliver(v: T): void {
    this.result = v;
    this.delivered = true;
  }
  get value(): T {
    if (!this.delivered) {
      throw new RichApiError(
        "ValueNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this.result as T;
  }
}

const CELL_FILL_PROPS = ["color", "pattern", "patternColor", "tintAndShade"] as const;

/** The fill sub-properties asked for in getCellProperties' options; anything else is not modelled. */
function cellFillPropsOf(options: unknown): string[] {
  const o = options as { format?: { fill?: Record<string, unknown> } } | null | undefined;
  const keys = (x: unknown): string[] => (typeof x === "object" && x !== null ? Object.keys(x) : []);
  if (keys(o).some((k) => k !== "format") || keys(o?.format).some((k) => k !== "fill")) {
    throw new DoubleMisuse(`getCellProperties: only format.fill is modelled, got ${JSON.stringify(options)}`);
  }
  const fill = o?.format?.fill ?? {};
  const props = keys(fill);
  for (const p of props) {
    if (!(CELL_FILL_PROPS as readonly string[]).includes(p) || fill[p] !== true) {
      throw new DoubleMisuse(`getCellProperties: format.fill.${p} is not modelled`);
    }
  }
  if (props.length === 0) throw new DoubleMisuse("getCellProperties without properties");
  return props;
}

/** One fill property of one cell as Excel reports it (RangeFill and getCellProperties alike). */
function fillProp(book: ExcelDouble, c: CellData | undefined, prop: string): unknown {
  const f = c?.fill;
  if (!f) {
    if (prop === "color") return "#FFFFFF";
    if (prop === "pattern") return book.options.noFillPattern === null ? null : "None";
    if (prop === "patternColor") return "#000000";
    return null;
  }
  return (f as unknown as Record<string, unknown>)[prop];
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const GETRANGES_LIMIT = 8200;
let idCounter = 0;
const newId = (): string => `{00000000-0001-0000-0000-${String(++idCounter).padStart(12, "0")}}`;

const key = (row: number, col: number): string => `${row},${col}`;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
function colLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
export function cellAddress(row: number, col: number): string {
  return `${colLetters(col)}${row + 1}`;
}
function rectAddress(r: CellRange): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}
function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "B3", "B3:D9", "A:A" (whole column) → rectangle; throws InvalidArgument otherwise. */
export function parseAddress(address: string): CellRange {
  const a = address.trim().replace(/\$/g, "");
  let m = /^([A-Za-z]{1,3})(\d+)(?::([A-Za-z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const c1 = colIndex(m[1]);
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    const c2 = m[3] ? colIndex(m[3]) : c1;
    if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS || c1 >= MAX_COLS || c2 >= MAX_COLS) {
      throw new RichApiError("InvalidArgument", `The argument is invalid or missing: ${address}`);
    }
    return {
      top: Math.min(r1, r2),
      left: Math.min(c1, c2),
      bottom: Math.max(r1, r2),
      right: Math.max(c1, c2),
    };
  }
  m = /^([A-Za-z]{1,3}):([A-Za-z]{1,3})$/.exec(a);
  if (m) {
    const c1 = colIndex(m[1]);
    const c2 = colIndex(m[2]);
    return { top: 0, left: Math.min(c1, c2), bottom: MAX_ROWS - 1, right: Math.max(c1, c2) };
  }
  throw new RichApiError("InvalidArgument", `The argument is invalid or missing: ${address}`);
}

function isWhole(r: CellRange): boolean {
  return r.bottom - r.top + 1 === MAX_ROWS || r.right - r.left + 1 === MAX_COLS;
}

function intersects(a: CellRange, b: CellRange): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

// ───────────────────────────── the workbook ─────────────────────────────

type Commit = () => void;
type Command = () => Commit | void;

export class ExcelDouble {
  readonly data: WorkbookData;
  readonly options: DoubleOptions;
  syncCount = 0;
  implicitSyncs = 0;
  runCount = 0;
  /** Every fill write command (one per Range/RangeAreas assignment or clear), for "no per-cell loop" checks. */
  fillWrites = 0;
  /** getCellProperties commands run. */
  cellPropertiesReads = 0;
  /** UTF-8 bytes of what each sync delivered (see the header). */
  responseBytes: number[] = [];
  /** @internal */ pendingBytes = 0;
  /** @internal Used-range memo, valid within one flush until a command changes cells (see usedRect). */
  flushSerial = 0;
  /** @internal */ mutationSerial = 0;
  /** @internal */ usedMemo = new WeakMap<SheetData, Map<string, CellRange | null>>();
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  autofitCalls = 0;
  /** Format properties set, per "Sheet!A1:B2" (see the header). */
  formats = new Map<string, Record<string, unknown>>();
  autofitRowsCalls = 0;
  /** Frozen rows, autofilter and print setup per sheet name (see the header). */
  sheetLayout = new Map<string, Record<string, unknown>>();
  /** @internal */ logFormat(at: string, prop: string, value: unknown): void {
    this.formats.set(at, { ...this.formats.get(at), [prop]: value });
  }
  /** @internal */ logSheet(sheet: string, prop: string, value: unknown): void {
    this.sheetLayout.set(sheet, { ...this.sheetLayout.get(sheet), [prop]: value });
  }
  /** Live (unsaved) document settings. */
  private liveSettings: Record<string, unknown>;
  private injected: { atSync: number; error: RichApiError } | null = null;
  settingsSaveFails: { code: number; message: string } | null = null;

  constructor(data: WorkbookData, options: DoubleOptions = {}) {
    this.data = clone(data);
    this.options = options;
    this.liveSettings = clone(data.settings);
  }

  /** Serialise as a file would: the workbook and its saved settings. */
  save(): WorkbookData {
    return clone(this.data);
  }

  /** Open a saved file: same content, fresh worksheet ids (ids are not promised to survive a reopen). */
  static reopen(saved: WorkbookData, options: DoubleOptions = {}): ExcelDouble {
    const data = clone(saved);
    for (const s of data.sheets) s.id = newId();
    return new ExcelDouble(data, options);
  }

  /** Make the n-th next context.sync() (1 = the next one) fail with this Excel error, before running anything. */
  failSync(n: number, code: string, message: string): void {
    this.injected = { atSync: this.syncCount + n, error: new RichApiError(code, message) };
  }

  readonly run = async <T>(batch: (context: never) => Promise<T>): Promise<T> => {
    this.runCount++;
    const ctx = new RequestContext(this);
    const result = await batch(ctx as never);
    if (ctx.queueLength() > 0) {
      this.implicitSyncs++;
      await ctx.flush();
    }
    return result;
  };

  readonly settings = {
    get: (name: string): unknown => (name in this.liveSettings ? this.liveSettings[name] : null),
    set: (name: string, value: unknown): void => {
      this.liveSettings[name] = value;
    },
    remove: (name: string): void => {
      delete this.liveSettings[name];
    },
    saveAsync: (
      callback: (result: { status: string; error?: { code?: unknown; message?: string } }) => void,
    ): void => {
      const fail = this.settingsSaveFails;
      setTimeout(() => {
        if (fail) callback({ status: "failed", error: fail });
        else {
          this.data.settings = clone(this.liveSettings);
          callback({ status: "succeeded" });
        }
      }, 0);
    },
  };

  // Test helpers (outside the API surface).
  sheet(name: string): SheetData {
    const s = this.findSheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  sheetNames(): string[] {
    return this.data.sheets.map((s) => s.name);
  }
  cell(sheet: string, address: string): CellData | undefined {
    const r = parseAddress(address);
    return this.sheet(sheet).cells[key(r.top, r.left)];
  }
  setCell(sheet: string, address: string, data: CellData): void {
    const r = parseAddress(address);
    this.sheet(sheet).cells[key(r.top, r.left)] = clone(data);
  }
  fill(sheet: string, address: string): FillData | undefined {
    return this.cell(sheet, address)?.fill;
  }

  /** Home → Insert sheet rows: `count` rows before 0-based `row`; cells, merges and references move down. */
  insertRows(sheet: string, row: number, count: number): void {
    this.moveRows(sheet, row, count);
  }

  /** Home → Delete sheet rows: `count` rows from 0-based `row`; references to them become #REF!. */
  deleteRows(sheet: string, row: number, count: number): void {
    this.moveRows(sheet, row, -count);
  }

  /** Cut and paste one cell (Ctrl+X, Ctrl+V): content and format move, references to it follow. */
  moveCell(sheet: string, from: string, to: string): void {
    const s = this.sheet(sheet);
    const f = parseAddress(from);
    const t = parseAddress(to);
    const c = s.cells[key(f.top, f.left)];
    delete s.cells[key(f.top, f.left)];
    if (c) s.cells[key(t.top, t.left)] = c;
    else delete s.cells[key(t.top, t.left)];
    this.rewriteReferences((ref) =>
      ref.sheet === s.name && ref.row === f.top && ref.col === f.left
        ? { ...ref, row: t.top, col: t.left }
        : ref,
    );
  }

  /** Data → Sort swapping two rows: contents and formats move, references do NOT (as in Excel). */
  swapRows(sheet: string, a: number, b: number): void {
    const s = this.sheet(sheet);
    const moved: Record<string, CellData> = {};
    for (const [k, c] of Object.entries(s.cells)) {
      const [row, col] = k.split(",").map(Number);
      moved[key(row === a ? b : row === b ? a : row, col)] = c;
    }
    s.cells = moved;
  }

  /** Renames a sheet; references to it follow, as in Excel. */
  renameSheet(from: string, to: string): void {
    const s = this.sheet(from);
    const oldName = s.name;
    s.name = to;
    this.rewriteReferences((ref) => (ref.sheet === oldName ? { ...ref, sheet: to } : ref));
  }

  private moveRows(name: string, at: number, delta: number): void {
    const s = this.sheet(name);
    const moved: Record<string, CellData> = {};
    for (const [k, c] of Object.entries(s.cells)) {
      const [row, col] = k.split(",").map(Number);
      if (delta < 0 && row >= at && row < at - delta) continue; // deleted
      moved[key(row >= at ? row + delta : row, col)] = c;
    }
    s.cells = moved;
    s.merges = s.merges
      .filter((m) => delta > 0 || m.bottom < at || m.top >= at - delta)
      .map((m) => (m.top >= at ? { ...m, top: m.top + delta, bottom: m.bottom + delta } : m));
    this.rewriteReferences((ref) => {
      if (ref.sheet !== s.name || ref.row < at) return ref;
      if (delta < 0 && ref.row < at - delta) return null;
      return { ...ref, row: ref.row + delta };
    });
  }

  /**
   * Rewrites every cell reference in every formula: sheet-qualified ones ('表'!$H$12, 表!H12) anywhere,
   * unqualified ones as references to their own sheet. `map` returns the new reference or null (#REF!).
   */
  private rewriteReferences(
    map: (ref: {
      sheet: string;
      row: number;
      col: number;
    }) => { sheet: string; row: number; col: number } | null,
  ): void {
    const re =
      /(?:'((?:[^']|'')+)'!|([\p{L}\p{N}_.]+)!)?(?<![\p{L}\p{N}_.$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\p{L}\p{N}_(])/gu;
    for (const sheet of this.data.sheets) {
      for (const c of Object.values(sheet.cells)) {
        if (c.formula === undefined) continue;
        c.formula = c.formula.replace(re, (whole, quoted, bare, d1, letters, d2, digits) => {
          const target = quoted !== undefined ? quoted.replace(/''/g, "'") : (bare ?? sheet.name);
          const next = map({ sheet: target, row: Number(digits) - 1, col: colIndex(letters) });
          if (next === null) return "#REF!";
          const prefix = quoted === undefined && bare === undefined ? "" : `${quoteSheet(next.sheet)}!`;
          return `${prefix}${d1}${colLetters(next.col)}${d2}${next.row + 1}`;
        });
      }
    }
  }

  findSheet(nameOrId: string): SheetData | undefined {
    const lower = nameOrId.toLowerCase();
    return this.data.sheets.find((s) => s.id === nameOrId || s.name.toLowerCase() === lower);
  }

  /** @internal */ takeInjected(): RichApiError | null {
    if (this.injected && this.injected.atSync === this.syncCount) {
      const e = this.injected.error;
      this.injected = null;
      return e;
    }
    return null;
  }
}

class RequestContext {
  private queue: Command[] = [];
  readonly workbook: { worksheets: WorksheetCollection; readonly protection: WorkbookProtection };

  constructor(readonly book: ExcelDouble) {
    const worksheets = new WorksheetCollection(this);
    const ctx = this;
    this.workbook = {
      worksheets,
      get protection(): WorkbookProtection {
        requireApi(book, "1.7", "Workbook.protection");
        return new WorkbookProtection(ctx);
      },
    };
  }

  enqueue(cmd: Command): void {
    this.queue.push(cmd);
  }
  queueLength(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    this.book.syncCount++;
    await this.flush();
  }

  async flush(): Promise<void> {
    const cmds = this.queue;
    this.queue = [];
    const injected = this.book.takeInjected();
    if (injected) throw injected;
    const commits: Commit[] = [];
    this.book.pendingBytes = 0;
    this.book.flushSerial++;
    for (const cmd of cmds) {
      const c = cmd(); // throws → the sync rejects; earlier commands stay applied, nothing is delivered
      if (c) commits.push(c);
    }
    const bytes = this.book.pendingBytes;
    this.book.responseBytes.push(bytes);
    const max = this.book.options.maxResponseBytes;
    if (max !== undefined && bytes > max) {
      throw new RichApiError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${bytes} bytes) has exceeded the limit.`,
      );
    }
    await Promise.resolve();
    for (const c of commits) c();
  }
}

// ───────────────────────────── proxies ─────────────────────────────

abstract class ClientObject {
  protected readonly store = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    protected readonly ctx: RequestContext,
    protected readonly nullable = false,
  ) {
    if (nullable) {
      // isNullObject is delivered by any sync, loaded or not (as in office.js).
      ctx.enqueue(() => {
        const isNull = this.resolveTarget() === null;
        return () => {
          this.nullState = isNull;
        };
      });
    }
  }

  protected abstract readonly typeName: string;
  protected abstract readonly loadable: readonly string[];
  protected abstract resolveTarget(): unknown;
  protected abstract readProp(prop: string): unknown;

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined) {
      throw new DoubleMisuse(`${this.typeName}.isNullObject read before context.sync()`);
    }
    return this.nullState;
  }

  protected prop<T>(name: string): T {
    if (this.nullState === true) throw new DoubleMisuse(`${this.typeName}.${name} read on a null object`);
    if (!this.store.has(name)) {
      throw new RichApiError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.store.get(name) as T;
  }

  /** Children reached by a load path ("format/fill/color"). */
  protected child(name: string): ClientObject | null {
    void name; // no navigation properties unless a subclass says so
    return null;
  }

  load(props?: string | string[]): this {
    if (props === undefined || (Array.isArray(props) && props.length === 0) || props === "") {
      throw new DoubleMisuse(`${this.typeName}.load() without properties (no-empty-load)`);
    }
    const list = (Array.isArray(props) ? props : props.split(","))
      .map((p) => p.trim())
      .filter((p) => p !== "");
    const own: string[] = [];
    for (const p of list) {
      const slash = p.indexOf("/");
      if (slash >= 0) {
        const c = this.child(p.slice(0, slash));
        if (!c) throw new DoubleMisuse(`${this.typeName}: cannot load path ${p}`);
        c.load(p.slice(slash + 1));
      } else if (this.loadable.includes(p)) own.push(p);
      else if (this.child(p))
        throw new DoubleMisuse(`${this.typeName}.load("${p}") loads a navigation property`);
      else throw new DoubleMisuse(`${this.typeName}.load: unknown property ${p}`);
    }
    if (own.length > 0) {
      this.ctx.enqueue(() => {
        if (this.resolveTarget() === null) return; // a null object: isNullObject tells
        const got = own.map((p) => [p, this.readProp(p)] as const);
        this.ctx.book.pendingBytes += jsonBytes(Object.fromEntries(got));
        return () => {
          for (const [p, v] of got) this.store.set(p, v);
        };
      });
    }
    return this;
  }

  toJSON(): unknown {
    return Object.fromEntries(this.store);
  }
}

class WorksheetCollection extends ClientObject {
  protected readonly typeName = "WorksheetCollection";
  protected readonly loadable: readonly string[] = [];
  private itemsLoaded: Worksheet[] | undefined;

  protected resolveTarget(): unknown {
    return this.ctx.book.data.sheets;
  }
  protected readProp(): unknown {
    throw new DoubleMisuse("WorksheetCollection has no scalar properties");
  }

  get items(): Worksheet[] {
    if (!this.itemsLoaded)
      throw new RichApiError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.itemsLoaded;
  }

  override load(props?: string | string[]): this {
    if (props === undefined || props === "" || (Array.isArray(props) && props.length === 0)) {
      throw new DoubleMisuse("WorksheetCollection.load() without properties (no-empty-load)");
    }
    const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim());
    const itemProps = list.map((p) => {
      if (!p.startsWith("items/"))
        throw new DoubleMisuse(`WorksheetCollection.load: use items/<prop>, got ${p}`);
      return p.slice("items/".length);
    });
    this.ctx.enqueue(() => {
      const ids = this.ctx.book.data.sheets.map((s) => s.id);
      this.ctx.book.pendingBytes += jsonBytes(
        this.ctx.book.data.sheets.map((s) => Object.fromEntries(itemProps.map((p) => [p, s[p as "name"]]))),
      );
      return () => {
        this.itemsLoaded = ids.map((id) => {
          const ws = new Worksheet(this.ctx, { id }, false);
          ws.deliver(itemProps);
          return ws;
        });
      };
    });
    return this;
  }

  getItem(key: string): Worksheet {
    return new Worksheet(this.ctx, { key }, false);
  }
  getItemOrNullObject(key: string): Worksheet {
    requireApi(this.ctx.book, "1.4", "WorksheetCollection.getItemOrNullObject");
    return new Worksheet(this.ctx, { key }, true);
  }
  add(name: string): Worksheet {
    this.ctx.enqueue(() => {
      const book = this.ctx.book;
      checkStructure(book, "add a sheet");
      if (book.findSheet(name))
        throw new RichApiError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
      if (name.length > 31 || /[:\\/?*[\]]/.test(name))
        throw new RichApiError("InvalidArgument", `Bad sheet name ${name}`);
      book.data.sheets.push({ name, id: newId(), visibility: "Visible", cells: {}, merges: [] });
    });
    return new Worksheet(this.ctx, { key: name }, false);
  }
}

function checkStructure(book: ExcelDouble, doing: string): void {
  if (book.data.structureProtected) {
    throw new RichApiError("AccessDenied", `The workbook is protected; cannot ${doing}.`);
  }
}

/** Workbook.protection (ExcelApi 1.7). */
class WorkbookProtection extends ClientObject {
  protected readonly typeName = "WorkbookProtection";
  protected readonly loadable: readonly string[] = ["protected"];
  protected resolveTarget(): unknown {
    return this.ctx.book.data;
  }
  protected readProp(): unknown {
    return this.ctx.book.data.structureProtected === true;
  }
  get protected(): boolean {
    return this.prop("protected");
  }
}

class Worksheet extends ClientObject {
  protected readonly typeName = "Worksheet";
  protected readonly loadable: readonly string[] = ["name", "id", "visibility"];
  private readonly protectionObject: WorksheetProtection;

  constructor(
    ctx: RequestContext,
    private readonly ref: { id?: string; key?: string },
    nullable: boolean,
  ) {
    super(ctx, nullable);
    this.protectionObject = new WorksheetProtection(ctx, this);
  }

  /** ExcelApi 1.2. */
  get protection(): WorksheetProtection {
    requireApi(this.ctx.book, "1.2", "Worksheet.protection");
    return this.protectionObject;
  }

  /** @internal Logs a sheet layout setting (see the header) when the command runs. */
  private logLayout(prop: string, value: unknown): void {
    this.ctx.enqueue(() => this.ctx.book.logSheet(this.sheetOrThrow().name, prop, value));
  }

  /** ExcelApi 1.7: freezeRows only. */
  get freezePanes(): { freezeRows(count: number): void } {
    requireApi(this.ctx.book, "1.7", "Worksheet.freezePanes");
    return { freezeRows: (count) => this.logLayout("frozenRows", count) };
  }

  /** ExcelApi 1.9: apply(range) only. */
  get autoFilter(): { apply(range: Range): void } {
    requireApi(this.ctx.book, "1.9", "Worksheet.autoFilter");
    return {
      apply: (range) =>
        this.ctx.enqueue(() => {
          const { sheet, rects } = range.resolved();
          this.ctx.book.logSheet(sheet.name, "autoFilter", rectAddress(rects[0]));
        }),
    };
  }

  /** ExcelApi 1.9: what the report sheets set (see the header). */
  get pageLayout(): Record<string, unknown> {
    requireApi(this.ctx.book, "1.9", "Worksheet.pageLayout");
    const log = (p: string, v: unknown) => this.logLayout(p, v);
    const footer = {
      set centerHeader(v: string) {
        log("centerHeader", v);
      },
      set centerFooter(v: string) {
        log("centerFooter", v);
      },
    };
    return {
      set orientation(v: string) {
        log("orientation", v);
      },
      set paperSize(v: string) {
        log("paperSize", v);
      },
      set zoom(v: unknown) {
        log("zoom", v);
      },
      setPrintTitleRows: (v: string) => log("printTitleRows", v),
      headersFooters: { defaultForAllPages: footer },
    };
  }

  /** Values delivered with the collection's items (already synced). */
  deliver(props: string[]): void {
    const s = this.sheetOrThrow();
    for (const p of props) {
      if (!this.loadable.includes(p)) throw new DoubleMisuse(`Worksheet: unknown property ${p}`);
      this.store.set(p, this.readProp(p, s));
    }
  }

  resolveTarget(): SheetData | null {
    const book = this.ctx.book;
    const s =
      this.ref.id !== undefined
        ? book.data.sheets.find((x) => x.id === this.ref.id)
        : book.findSheet(this.ref.key!);
    if (s) return s;
    if (this.nullable) return null;
    throw new RichApiError(
      "ItemNotFound",
      `The requested resource doesn't exist. (${this.ref.key ?? this.ref.id})`,
    );
  }

  /** For children: a sheet that must exist. */
  sheetOrThrow(): SheetData {
    const s = this.resolveTarget();
    if (s === null) throw new DoubleMisuse("call chained on a null Worksheet (getItemOrNullObject)");
    return s;
  }

  protected readProp(prop: string, s = this.sheetOrThrow()): unknown {
    if (prop === "name") return s.name;
    if (prop === "id") return s.id;
    return s.visibility;
  }

  get name(): string {
    return this.prop("name");
  }
  get id(): string {
    return this.prop("id");
  }
  get visibility(): Visibility {
    return this.prop("visibility");
  }
  set visibility(v: Visibility) {
    this.ctx.enqueue(() => {
      const s = this.sheetOrThrow();
      if (s.visibility !== v) checkStructure(this.ctx.book, "hide or unhide a sheet");
      if (
        v !== "Visible" &&
        this.ctx.book.data.sheets.filter((x) => x.visibility === "Visible" && x !== s).length === 0
      ) {
        throw new RichApiError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      }
      s.visibility = v;
    });
  }

  getRange(address?: string): Range {
    return new Range(this.ctx, this, { address }, false);
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    requireApi(this.ctx.book, "1.4", "Worksheet.getUsedRangeOrNullObject");
    return new Range(this.ctx, this, { used: valuesOnly ? "values" : "all" }, true);
  }
  getUsedRange(valuesOnly?: boolean): Range {
    if (valuesOnly !== undefined) requireApi(this.ctx.book, "1.2", "Worksheet.getUsedRange(valuesOnly)");
    return new Range(this.ctx, this, { used: valuesOnly ? "values" : "all", blankIsA1: true }, false);
  }
  getRanges(address: string): RangeAreas {
    requireApi(this.ctx.book, "1.9", "Worksheet.getRanges");
    return new RangeAreas(this.ctx, { sheet: this, address }, false);
  }
  activate(): void {
    this.ctx.enqueue(() => {
      const s = this.sheetOrThrow();
      if (s.visibility !== "Visible")
        throw new RichApiError("InvalidOperation", "Cannot activate a hidden sheet.");
      this.ctx.book.activeSheet = s.name;
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.sheetOrThrow();
      const book = this.ctx.book;
      checkStructure(book, "delete a sheet");
      if (s.visibility === "VeryHidden") {
        // Not a documented Excel restriction, but we do not rely on deleting a very hidden sheet.
        throw new DoubleMisuse("deleting a VeryHidden sheet without making it Hidden first");
      }
      if (
        s.visibility === "Visible" &&
        book.data.sheets.filter((x) => x.visibility === "Visible").length === 1
      ) {
        throw new RichApiError("InvalidOperation", "Cannot delete the last visible sheet.");
      }
      book.data.sheets.splice(book.data.sheets.indexOf(s), 1);
      if (book.activeSheet === s.name) book.activeSheet = null;
    });
  }
}

class WorksheetProtection extends ClientObject {
  protected readonly typeName = "WorksheetProtection";
  protected readonly loadable: readonly string[] = ["protected", "options"];
  constructor(
    ctx: RequestContext,
    private readonly sheet: Worksheet,
  ) {
    super(ctx, false);
  }
  protected resolveTarget(): unknown {
    return this.sheet.sheetOrThrow();
  }
  protected readProp(prop: string): unknown {
    const s = this.sheet.sheetOrThrow();
    if (prop === "protected") return s.protected === true;
    return { allowFormatCells: s.allowFormatCells === true };
  }
  get protected(): boolean {
    return this.prop("protected");
  }
  get options(): { allowFormatCells: boolean } {
    return this.prop("options");
  }
}

interface Resolved {
  sheet: SheetData;
  rects: CellRange[];
}

function checkFormatAllowed(sheet: SheetData): void {
  if (sheet.protected && !sheet.allowFormatCells) {
    throw new RichApiError(
      "AccessDenied",
      "The cell or chart you're trying to change is on a protected sheet.",
    );
  }
}

function setFill(book: ExcelDouble, target: () => Resolved, apply: (cell: CellData) => void): void {
  book.fillWrites++;
  book.mutationSerial++;
  const { sheet, rects } = target();
  checkFormatAllowed(sheet);
  for (const r of rects) {
    if (isWhole(r)) throw new DoubleMisuse("fill on a whole row/column/sheet is not modelled");
    for (let row = r.top; row <= r.bottom; row++) {
      for (let col = r.left; col <= r.right; col++) {
        const k = key(row, col);
        const c = (sheet.cells[k] ??= {});
        apply(c);
        if (Object.keys(c).length === 0) delete sheet.cells[k]; // a cell with nothing left is no cell
      }
    }
  }
}

class RangeFill extends ClientObject {
  protected readonly typeName = "RangeFill";
  protected readonly loadable: readonly string[] = ["color", "pattern", "patternColor", "tintAndShade"];
  constructor(
    ctx: RequestContext,
    private readonly target: () => Resolved,
  ) {
    super(ctx, false);
  }
  override load(props?: string | string[]): this {
    const list = Array.isArray(props) ? props : (props ?? "").split(",").map((p) => p.trim());
    if (list.some((p) => p !== "color" && p !== "")) requireApi(this.ctx.book, "1.9", "RangeFill.pattern");
    return super.load(props);
  }
  protected resolveTarget(): unknown {
    return this.target();
  }
  protected readProp(prop: string): unknown {
    const { sheet, rects } = this.target();
    const r = rects[0];
    if (rects.length !== 1 || r.top !== r.bottom || r.left !== r.right) {
      throw new DoubleMisuse("reading the fill of more than one cell is not modelled");
    }
    return fillProp(this.ctx.book, sheet.cells[key(r.top, r.left)], prop);
  }
  get color(): string {
    return this.prop("color");
  }
  set color(v: string) {
    const color = normalizeColor(v);
    this.ctx.enqueue(() =>
      setFill(this.ctx.book, this.target, (c) => {
        const old = c.fill;
        c.fill = {
          color,
          pattern: old ? old.pattern : "Solid",
          patternColor: old ? old.patternColor : "#000000",
          tintAndShade: 0,
        };
      }),
    );
  }
  get pattern(): string {
    return this.prop("pattern");
  }
  set pattern(v: string) {
    requireApi(this.ctx.book, "1.9", "RangeFill.pattern");
    this.ctx.enqueue(() =>
      setFill(this.ctx.book, this.target, (c) => {
        if (v === "None") delete c.fill;
        else
          c.fill = {
            ...(c.fill ?? { color: "#FFFFFF", patternColor: "#000000", tintAndShade: 0 }),
            pattern: v,
          };
      }),
    );
  }
  get patternColor(): string {
    return this.prop("patternColor");
  }
  set patternColor(v: string) {
    requireApi(this.ctx.book, "1.9", "RangeFill.patternColor");
    const color = normalizeColor(v);
    this.ctx.enqueue(() =>
      setFill(this.ctx.book, this.target, (c) => {
        if (!c.fill) throw new DoubleMisuse("patternColor on a cell without fill is not modelled");
        c.fill = { ...c.fill, patternColor: color };
      }),
    );
  }
  get tintAndShade(): number | null {
    return this.prop("tintAndShade");
  }
  clear(): void {
    this.ctx.enqueue(() =>
      setFill(this.ctx.book, this.target, (c) => {
        delete c.fill;
      }),
    );
  }
}

function normalizeColor(v: string): string {
  const t = v.trim().toUpperCase();
  if (!/^#[0-9A-F]{6}$/.test(t)) throw new DoubleMisuse(`colours as #RRGGBB only in this double, got ${v}`);
  return t;
}

class CellProtection extends ClientObject {
  protected readonly typeName = "FormatProtection";
  protected readonly loadable: readonly string[] = ["locked"];
  constructor(
    ctx: RequestContext,
    private readonly target: () => Resolved,
  ) {
    super(ctx, false);
  }
  protected resolveTarget(): unknown {
    return this.target();
  }
  protected readProp(): unknown {
    const { sheet, rects } = this.target();
    const r = rects[0];
    if (r.top !== r.bottom || r.left !== r.right)
      throw new DoubleMisuse("locked of several cells is not modelled");
    return sheet.cells[key(r.top, r.left)]?.locked !== false;
  }
  get locked(): boolean {
    return this.prop("locked");
  }
}

class RangeFormat {
  readonly fill: RangeFill;
  private readonly protectionObject: CellProtection;
  constructor(
    private readonly ctx: RequestContext,
    private readonly target: () => Resolved,
    private readonly single: boolean,
  ) {
    this.fill = new RangeFill(ctx, target);
    this.protectionObject = new CellProtection(ctx, target);
  }
  /** ExcelApi 1.2. */
  get protection(): CellProtection {
    requireApi(this.ctx.book, "1.2", "RangeFormat.protection");
    return this.protectionObject;
  }
  autofitColumns(): void {
    requireApi(this.ctx.book, "1.2", "RangeFormat.autofitColumns");
    if (!this.single) throw new DoubleMisuse("autofitColumns on RangeAreas is not modelled");
    this.ctx.enqueue(() => {
      this.target();
      this.ctx.book.autofitCalls++;
    });
  }
  /** ExcelApi 1.2. */
  autofitRows(): void {
    requireApi(this.ctx.book, "1.2", "RangeFormat.autofitRows");
    if (!this.single) throw new DoubleMisuse("autofitRows on RangeAreas is not modelled");
    this.ctx.enqueue(() => {
      this.target();
      this.ctx.book.autofitRowsCalls++;
    });
  }
  /** @internal Logs a format property set (ExcelApi 1.1) when the command runs. */
  setLogged(prop: string, value: unknown): void {
    if (!this.single) throw new DoubleMisuse(`${prop} on RangeAreas is not modelled`);
    this.ctx.enqueue(() => {
      const { sheet, rects } = this.target();
      checkFormatAllowed(sheet);
      this.ctx.book.logFormat(`${sheet.name}!${rectAddress(rects[0])}`, prop, value);
    });
  }
  set columnWidth(v: number) {
    this.setLogged("columnWidth", v);
  }
  set verticalAlignment(v: string) {
    this.setLogged("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.setLogged("wrapText", v);
  }
  /** RangeFont (ExcelApi 1.1): bold only. */
  get font(): { bold: boolean } {
    const set = (v: boolean) => this.setLogged("bold", v);
    return {
      set bold(v: boolean) {
        set(v);
      },
      get bold(): boolean {
        throw new DoubleMisuse("reading RangeFont.bold is not modelled");
      },
    };
  }
}

/** `blankIsA1`: Worksheet.getUsedRange, which gives A1 instead of failing on a blank sheet. */
type RangeSpec =
  { address?: string } | { used: "values" | "all"; blankIsA1?: boolean } | { derived: () => CellRange };

class Range extends ClientObject {
  protected readonly typeName = "Range";
  protected readonly loadable: readonly string[] = [
    "values",
    "valueTypes",
    "formulas",
    "numberFormat",
    "rowIndex",
    "columnIndex",
    "address",
    "cellCount",
    "rowCount",
    "columnCount",
  ];
  readonly format: RangeFormat;

  constructor(
    ctx: RequestContext,
    private readonly sheet: Worksheet,
    private readonly spec: RangeSpec,
    nullable: boolean,
  ) {
    super(ctx, nullable);
    this.format = new RangeFormat(ctx, () => this.resolveOrThrow(), true);
  }

  protected override child(name: string): ClientObject | null {
    if (name === "format") return new FormatPath(this.ctx, this.format);
    return null;
  }

  resolveTarget(): Resolved | null {
    const s = this.sheet.sheetOrThrow();
    if ("derived" in this.spec) return { sheet: s, rects: [this.spec.derived()] };
    if ("used" in this.spec) {
      // Memoised within one flush until a command changes cells (tests change cells between flushes);
      // the loop allocates nothing: sheets of 500,000 cells are scanned.
      const book = this.ctx.book;
      const memoKey = `${book.flushSerial}:${book.mutationSerial}:${this.spec.used}`;
      let memo = book.usedMemo.get(s);
      if (!memo) book.usedMemo.set(s, (memo = new Map()));
      let r: CellRange | null = null;
      if (memo.has(memoKey)) r = memo.get(memoKey)!;
      else {
        let top = Infinity;
        let left = Infinity;
        let bottom = -1;
        let right = -1;
        const valuesOnly = this.spec.used === "values";
        for (const k in s.cells) {
          const c = s.cells[k];
          if (valuesOnly) {
            if (c.value === undefined && c.error === undefined && c.formula === undefined) continue;
          } else if (Object.keys(c).length === 0) continue;
          const comma = k.indexOf(",");
          const row = +k.slice(0, comma);
          const col = +k.slice(comma + 1);
          if (row < top) top = row;
          if (row > bottom) bottom = row;
          if (col < left) left = col;
          if (col > right) right = col;
        }
        if (bottom >= 0) r = { top, left, bottom, right };
        memo.clear();
        memo.set(memoKey, r);
      }
      if (r === null) {
        if (this.nullable) return null;
        if (this.spec.blankIsA1) return { sheet: s, rects: [{ top: 0, left: 0, bottom: 0, right: 0 }] };
        throw new RichApiError("ItemNotFound", "No used range.");
      }
      return { sheet: s, rects: [r] };
    }
    const rect =
      this.spec.address === undefined
        ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 }
        : parseAddress(this.spec.address);
    return { sheet: s, rects: [rect] };
  }

  /** @internal For the commands of other objects taking a Range (AutoFilter.apply). */
  resolved(): Resolved {
    return this.resolveOrThrow();
  }

  private resolveOrThrow(): Resolved {
    const r = this.resolveTarget();
    if (r === null) throw new DoubleMisuse("call chained on a null Range (getUsedRangeOrNullObject)");
    return r;
  }

  protected readProp(prop: string): unknown {
    const { sheet, rects } = this.resolveOrThrow();
    const r = rects[0];
    if (prop === "rowIndex") return r.top;
    if (prop === "columnIndex") return r.left;
    if (prop === "rowCount") return r.bottom - r.top + 1;
    if (prop === "columnCount") return r.right - r.left + 1;
    if (prop === "cellCount") return (r.bottom - r.top + 1) * (r.right - r.left + 1);
    if (prop === "address") return `${quoteSheet(sheet.name)}!${rectAddress(r)}`;
    if (isWhole(r)) throw new DoubleMisuse(`reading ${prop} of an unbounded range`);
    const out: unknown[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: unknown[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(cellProp(sheet.cells[key(row, col)], prop));
      out.push(line);
    }
    return out;
  }

  get values(): unknown[][] {
    return this.prop("values");
  }
  set values(v: unknown[][]) {
    const rows = clone(v);
    this.ctx.enqueue(() => this.write(rows, "values"));
  }
  get valueTypes(): string[][] {
    return this.prop("valueTypes");
  }
  get formulas(): unknown[][] {
    return this.prop("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    const rows = clone(v);
    this.ctx.enqueue(() => this.write(rows, "numberFormat"));
  }
  /** As in Excel: "=…" (English function names) is a formula, anything else a value. */
  set formulas(v: unknown[][]) {
    const rows = clone(v);
    this.ctx.enqueue(() => this.write(rows, "formulas"));
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get cellCount(): number {
    return this.prop("cellCount");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }

  private rectOf(other: Range | string): () => CellRange {
    return () => {
      if (typeof other === "string") return parseAddress(other);
      const r = other.resolveTarget();
      if (r === null) throw new DoubleMisuse("a null Range passed as an argument");
      return r.rects[0];
    };
  }

  /** ExcelApi 1.1: the smallest rectangle holding both. */
  getBoundingRect(other: Range | string): Range {
    const otherRect = this.rectOf(other);
    return new Range(
      this.ctx,
      this.sheet,
      {
        derived: () => {
          const a = this.resolveOrThrow().rects[0];
          const b = otherRect();
          return {
            top: Math.min(a.top, b.top),
            left: Math.min(a.left, b.left),
            bottom: Math.max(a.bottom, b.bottom),
            right: Math.max(a.right, b.right),
          };
        },
      },
      false,
    );
  }

  /** ExcelApi 1.1: fails with ItemNotFound when the two do not overlap. */
  getIntersection(other: Range | string): Range {
    const otherRect = this.rectOf(other);
    return new Range(
      this.ctx,
      this.sheet,
      {
        derived: () => {
          const a = this.resolveOrThrow().rects[0];
          const b = otherRect();
          if (!intersects(a, b)) throw new RichApiError("ItemNotFound", "The ranges do not intersect.");
          return {
            top: Math.max(a.top, b.top),
            left: Math.max(a.left, b.left),
            bottom: Math.min(a.bottom, b.bottom),
            right: Math.min(a.right, b.right),
          };
        },
      },
      false,
    );
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get address(): string {
    return this.prop("address");
  }

  private write(rows: unknown[][], what: "values" | "numberFormat" | "formulas"): void {
    this.ctx.book.mutationSerial++;
    const { sheet, rects } = this.resolveOrThrow();
    const r = rects[0];
    const h = r.bottom - r.top + 1;
    const w = r.right - r.left + 1;
    if (rows.length !== h || rows.some((line) => !Array.isArray(line) || line.length !== w)) {
      throw new RichApiError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`,
      );
    }
    for (let i = 0; i < h; i++) {
      for (let j = 0; j < w; j++) {
        const k = key(r.top + i, r.left + j);
        const c = (sheet.cells[k] ??= {});
        if (sheet.protected && c.locked !== false) {
          throw new RichApiError(
            "AccessDenied",
            "The cell or chart you're trying to change is on a protected sheet.",
          );
        }
        if (what === "numberFormat") c.numberFormat = String(rows[i][j]);
        else if (
          what === "formulas" &&
          typeof rows[i][j] === "string" &&
          String(rows[i][j]).startsWith("=")
        ) {
          delete c.value;
          c.formula = String(rows[i][j]);
          c.error = "#DOUBLE!"; // the double does not calculate
        } else writeValue(c, rows[i][j]);
        if (Object.keys(c).length === 0) delete sheet.cells[k]; // nothing written: still no cell
      }
    }
  }

  getMergedAreasOrNullObject(): RangeAreas {
    requireApi(this.ctx.book, "1.13", "Range.getMergedAreasOrNullObject");
    return new RangeAreas(this.ctx, { mergedOf: this }, true);
  }

  /** ExcelApi 1.9; format.fill only (see the header). */
  getCellProperties(options: unknown): ClientResult<{ format: { fill: Record<string, unknown> } }[][]> {
    requireApi(this.ctx.book, "1.9", "Range.getCellProperties");
    const props = cellFillPropsOf(options);
    const result = new ClientResult<{ format: { fill: Record<string, unknown> } }[][]>();
    this.ctx.enqueue(() => {
      const { sheet, rects } = this.resolveOrThrow();
      const r = rects[0];
      if (isWhole(r)) throw new DoubleMisuse("getCellProperties of an unbounded range");
      const book = this.ctx.book;
      const out: { format: { fill: Record<string, unknown> } }[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: { format: { fill: Record<string, unknown> } }[] = [];
        for (let col = r.left; col <= r.right; col++) {
          const c = sheet.cells[key(row, col)];
          line.push({ format: { fill: Object.fromEntries(props.map((p) => [p, fillProp(book, c, p)])) } });
        }
        out.push(line);
      }
      book.cellPropertiesReads++;
      book.pendingBytes += jsonBytes(out);
      return () => result.deliver(out);
    });
    return result;
  }

  select(): void {
    this.ctx.enqueue(() => {
      const { sheet, rects } = this.resolveOrThrow();
      if (this.ctx.book.activeSheet !== sheet.name) {
        throw new RichApiError("InvalidOperation", "Select: the range is not on the active sheet.");
      }
      this.ctx.book.selection = { sheet: sheet.name, address: rectAddress(rects[0]) };
    });
  }

  clear(applyTo: string = "All"): void {
    if (applyTo !== "Contents") throw new DoubleMisuse(`clear("${applyTo}") is not modelled`);
    this.ctx.enqueue(() => {
      this.ctx.book.mutationSerial++;
      const { sheet, rects } = this.resolveOrThrow();
      const r = rects[0];
      for (const [k, c] of Object.entries(sheet.cells)) {
        const [row, col] = k.split(",").map(Number);
        if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
        if (sheet.protected && c.locked !== false && (c.value !== undefined || c.formula !== undefined)) {
          throw new RichApiError("AccessDenied", "Protected sheet.");
        }
        delete c.value;
        delete c.error;
        delete c.formula;
      }
    });
  }
}

/** Lets load("format/fill/color") or load("format/protection/locked") reach the right object. */
class FormatPath extends ClientObject {
  protected readonly typeName = "RangeFormat";
  protected readonly loadable: readonly string[] = [];
  constructor(
    ctx: RequestContext,
    private readonly format: RangeFormat,
  ) {
    super(ctx, false);
  }
  protected resolveTarget(): unknown {
    return null;
  }
  protected readProp(): unknown {
    return null;
  }
  protected override child(name: string): ClientObject | null {
    if (name === "fill") return this.format.fill;
    if (name === "protection") return this.format.protection;
    // (the getter checks ExcelApi 1.2)
    return null;
  }
}

function cellProp(c: CellData | undefined, prop: string): unknown {
  switch (prop) {
    case "values":
      return c?.error ?? c?.value ?? "";
    case "valueTypes":
      if (c?.error !== undefined) return "Error";
      if (c?.value === undefined) return c?.formula !== undefined ? "String" : "Empty";
      return typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String";
    case "formulas":
      return c?.formula ?? c?.error ?? c?.value ?? "";
    case "numberFormat":
      return c?.numberFormat ?? "General";
  }
  throw new DoubleMisuse(`unknown range property ${prop}`);
}

/** Excel's reading of a value written through Range.values. */
function writeValue(c: CellData, v: unknown): void {
  delete c.value;
  delete c.error;
  delete c.formula;
  if (v === "" || v === null || v === undefined) return;
  if (typeof v === "number" || typeof v === "boolean") {
    c.value = v;
    return;
  }
  const s = String(v);
  if (c.numberFormat === "@") {
    c.value = s;
    return;
  }
  if (s.startsWith("=") && s.length > 1) {
    c.formula = s;
    c.error = "#DOUBLE!"; // the double does not calculate
    return;
  }
  if (/^[+-]?\d+(\.\d+)?$/.test(s.trim())) {
    c.value = Number(s);
    return;
  }
  c.value = s;
}

class RangeAreas extends ClientObject {
  protected readonly typeName = "RangeAreas";
  protected readonly loadable: readonly string[] = ["address"];
  readonly format: RangeFormat;

  constructor(
    ctx: RequestContext,
    private readonly spec: { sheet: Worksheet; address: string } | { mergedOf: Range },
    nullable: boolean,
  ) {
    super(ctx, nullable);
    this.format = new RangeFormat(
      ctx,
      () => {
        const r = this.resolveTarget();
        if (r === null) throw new DoubleMisuse("call chained on a null RangeAreas");
        return r;
      },
      false,
    );
  }

  resolveTarget(): Resolved | null {
    if ("address" in this.spec) {
      const s = this.spec.sheet.sheetOrThrow();
      if (this.spec.address.length >= GETRANGES_LIMIT) {
        throw new RichApiError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format.",
        );
      }
      return { sheet: s, rects: this.spec.address.split(",").map(parseAddress) };
    }
    const base = this.spec.mergedOf.resolveTarget();
    if (base === null) throw new DoubleMisuse("getMergedAreasOrNullObject chained on a null Range");
    const within = base.sheet.merges.filter((m) => intersects(m, base.rects[0]));
    if (within.length > 512) throw new RichApiError("GeneralException", "More than 512 merged areas.");
    if (within.length === 0) {
      if (this.nullable) return null;
      throw new RichApiError("ItemNotFound", "No merged areas.");
    }
    return { sheet: base.sheet, rects: within };
  }

  protected readProp(): unknown {
    const r = this.resolveTarget()!;
    return r.rects.map((x) => `${quoteSheet(r.sheet.name)}!${rectAddress(x)}`).join(",");
  }

  get address(): string {
    return this.prop("address");
  }
}

// ───────────────────────────── building workbooks for tests ─────────────────────────────

/** A sheet for the double from a core grid Sheet (values, formulas, number formats, merges). */
export function sheetDataFromGrid(
  grid: {
    name: string;
    cells: (
      | { value: { kind: string; value?: unknown; serial?: number }; formula?: string; numberFormat?: string }
      | undefined
    )[][];
    merges: CellRange[];
  },
  extra: Partial<SheetData> = {},
): SheetData {
  const cells: Record<string, CellData> = {};
  grid.cells.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell) return;
      const d: CellData = {};
      const v = cell.value;
      if (v.kind === "number" || v.kind === "text" || v.kind === "boolean")
        d.value = v.value as number | string | boolean;
      else if (v.kind === "error") d.error = v.value as string;
      else if (v.kind === "date") d.value = v.serial;
      if (cell.formula !== undefined) d.formula = `=${cell.formula}`;
      if (cell.numberFormat !== undefined) d.numberFormat = cell.numberFormat;
      cells[key(r, c)] = d;
    });
  });
  return { name: grid.name, id: newId(), visibility: "Visible", cells, merges: clone(grid.merges), ...extra };
}

export function emptySheet(name: string, extra: Partial<SheetData> = {}): SheetData {
  return { name, id: newId(), visibility: "Visible", cells: {}, merges: [], ...extra };
}
