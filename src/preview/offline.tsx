/**
 * The offline single-file checker (dist/绩效自评校验.html): the preview page for clerks without
 * Microsoft 365 (Office 2016/2019, WPS, no Office). scripts/single-file.js inlines this entry's
 * bundle into one HTML file whose CSP allows no connection; nothing is fetched, so ?sample= is not
 * offered here.
 */
import "./compat";
import { mountPreview } from "./PreviewApp";

const container = document.getElementById("container");
if (container) mountPreview(container, { title: "绩效自评助手 · 离线校验" });
