#!/usr/bin/env bash
# Mutation check of the rule catalogue (developer tool, ~15 min on 2 cores; not part of CI):
# for each rule ID, a copy of the tree whose checkWorkbook drops that rule's findings must fail
# `jest test/checks`. Prints one line per rule; exits 1 if a rule's removal goes unnoticed.
# Usage: scripts/rule-mutation.sh [RULE_ID ...]   (default: every ID of RULE_IDS in src/core/model.ts)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$root" archive HEAD | tar -x -C "$tmp"
ln -s "$root/node_modules" "$tmp/node_modules"
node - "$tmp/src/core/check.ts" <<'JS'
const fs = require("fs");
const file = process.argv[2];
let s = fs.readFileSync(file, "utf8");
// Wrap the exported entry point, whatever its body: the wrapper drops MUT_RULE's findings.
const head = "export function checkWorkbook(";
if (!s.includes(head)) throw new Error("check.ts changed: update scripts/rule-mutation.sh");
s = s.replace(head, "function checkWorkbookUnmutated(");
s +=
  "\nexport function checkWorkbook(wb: Workbook, options: CheckOptions = {}): FormResult[] {\n" +
  "  const rule = process.env.MUT_RULE;\n" +
  "  return checkWorkbookUnmutated(wb, options).map((r) =>\n" +
  "    rule ? { ...r, findings: r.findings.filter((f) => f.rule !== rule) } : r,\n" +
  "  );\n}\n";
fs.writeFileSync(file, s);
JS
rules=${*:-$(node -e 'const s=require("fs").readFileSync(process.argv[1],"utf8");const m=s.match(/RULE_IDS = \[([^\]]*)\]/);console.log(m[1].match(/[A-Z0-9_]+/g).join(" "))' "$root/src/core/model.ts")}
unnoticed=0
for rule in $rules; do
  if (cd "$tmp" && MUT_RULE=$rule npx jest test/checks --silent >"$tmp/$rule.log" 2>&1); then
    echo "$rule: removal NOT noticed"
    unnoticed=1
  else
    echo "$rule: removal noticed ($(grep -E '^Tests:' "$tmp/$rule.log" | sed 's/Tests: *//'))"
  fi
done
exit $unnoticed
