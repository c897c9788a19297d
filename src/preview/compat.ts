/* global globalThis */
/**
 * What the offline single-file page needs beyond its syntax target (Chromium 80, current Firefox).
 * Its syntax is lowered at build time (scripts/single-file.js); this file supplies the one run-time
 * API the bundle uses that Chromium 80–83 lacks, found by the build's compat check:
 *
 * - WeakRef (Chromium 84, Firefox 79): Fluent UI's focus manager (tabster, keyborg) wraps elements
 *   in WeakRef without a fallback. A strong reference behaves the same except that the element is
 *   kept alive as long as the wrapper is: harmless on a single page that lives for one session.
 *
 * Imported first by offline.tsx only; the served preview and the pane assume a current browser.
 */
class StrongRef<T extends object> {
  constructor(private readonly target: T) {}

  deref(): T {
    return this.target;
  }
}

const g = globalThis as unknown as { WeakRef?: unknown };
if (typeof g.WeakRef !== "function") g.WeakRef = StrongRef;

export {};
