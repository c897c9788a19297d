/**
 * Rows that are neither a table's data nor its end (domain.md §2.11): 备注 / 说明 lines, the signature block
 * (评价人员, 签字, 填表人, 审核人, 日期 …), a page title repeated inside a table (pasted pages, print titles,
 * 续表). Tested on the normalised text of a row's first filled cell. Data only.
 */
import { normalizeLabel } from "../labels";

/** 备注 / 注 / 说明 lines: "备注：…", "注：1.…", "说明：…", "填表说明". */
const NOTE_RE = /^(?:备注|附注|注|说明|填表说明|填报说明)(?:\d|[:、.(]|$)/;

/** The signature block under a form: names, signatures, dates, stamps. */
const SIGNATURE_RE =
  /^(?:评价人员|评价人|评价小组|自评人员|签字|签名|签章|盖章|\(?盖章\)?|单位盖章|(?:单位|部门|项目|财务)?负责人|分管领导|填表人|填报人|审核人?|审批人?|复核人?|经办人|制表人?|填表日期|填报日期|日期|姓名|职务|职称|联系电话|联系人)(?:[:/(]|$|\d)/;

/** A page title repeated inside a table: the form's title, 续表, a year line. */
const PAGE_TITLE_RE =
  /绩效自评(?:表|报告)|支出绩效自评|自评表$|^\(?续表\)?$|^续上表|^接上页|^\(?\d{4}年度?\)?$/;

export function isNoteText(text: string): boolean {
  return NOTE_RE.test(normalizeLabel(text));
}

export function isSignatureText(text: string): boolean {
  return SIGNATURE_RE.test(normalizeLabel(text));
}

export function isPageTitleText(text: string): boolean {
  return PAGE_TITLE_RE.test(normalizeLabel(text));
}
