/*
 * 绩效自评助手 — compatibility check, loaded FIRST in every page (before office.js and the bundles).
 *
 * Written in ES5 on purpose (test/taskpane/compat.test.ts parses it as ES5 and runs it with an IE11
 * user agent): the bundles are ES2020, and where Office shows add-ins in Internet Explorer 11
 * ("Trident": Windows builds without WebView2, volume-licensed Office 2016/2019, which Office also falls
 * back to for a manifest with <Runtimes>) or in Edge Legacy ("EdgeHTML"), they cannot even be parsed:
 * the pane would stay on "正在加载…" forever. This script replaces the page with a Chinese explanation
 * and says where to go instead: the offline checker page and the command-line tool.
 *
 * window.jixiaoCompat.officeProblem(Office) (called by the pane once Office is ready) reports an Excel
 * build too old for the add-in's requirement sets; window.jixiaoCompat.show(reason) shows a message.
 * On a page that references office.js (the pane), a page load without the global `Office` means the
 * script could not be fetched (an intranet that blocks Microsoft's CDN): that too is explained
 * ("no-office"), with what the IT department can do.
 */
/* eslint-disable no-var */
(function () {
  "use strict";
  var OFFLINE_PAGE = "绩效自评校验.html";
  var CLI = "jixiao-check";
  var MIN_EXCEL_API = "1.4";

  /** "ie11" | "edgehtml" | "old-engine" | null (this engine runs the pane). */
  function engineProblem(win) {
    var ua = (win.navigator && win.navigator.userAgent) || "";
    if (ua.indexOf("Trident/") !== -1 || ua.indexOf("MSIE ") !== -1) return "ie11";
    if (/ Edge\/\d/.test(ua)) return "edgehtml";
    // The ES2019/2020 built-ins that come with the syntax the bundles use (Chromium 80+, Safari 13.1+).
    var ok =
      typeof win.Promise === "function" &&
      typeof win.Promise.allSettled === "function" &&
      typeof win.Object.fromEntries === "function" &&
      typeof win.String.prototype.matchAll === "function";
    return ok ? null : "old-engine";
  }

  var WHY = {
    ie11: "这台电脑的 Excel 用 Internet Explorer 11 内核显示加载项（未装 WebView2 运行时，或是 Office 2016/2019），无法运行绩效自评助手。",
    edgehtml: "这台电脑的 Excel 用旧版 Edge（EdgeHTML）内核显示加载项，无法运行绩效自评助手。",
    "old-engine": "当前浏览器或 Excel 内置浏览器版本过旧，无法运行绩效自评助手。",
    "old-build": "当前 Excel 版本过旧，不支持本加载项所需的接口（ExcelApi " + MIN_EXCEL_API + "）。",
    "no-office":
      "无法加载 office.js（appsforoffice.microsoft.com）：请信息部门放行该地址，或用 OFFICE_JS=local 构建。",
  };

  function render(doc, reason) {
    var body = doc.body;
    if (!body) return;
    var html =
      '<div id="jixiao-compat" role="alert" style="padding:20px;font-size:14px;line-height:1.7;color:#242424">' +
      '<h1 style="font-size:18px">绩效自评助手无法在此运行</h1>' +
      "<p>" +
      WHY[reason] +
      "</p>" +
      "<p>可以改用：</p><ul>" +
      "<li>离线校验页面 <b>" +
      OFFLINE_PAGE +
      "</b>：用 Chrome、Edge、360 等浏览器直接打开，选择自评表即可校验，不需要安装；</li>" +
      "<li>命令行工具 <b>" +
      CLI +
      "</b>：可批量校验一个文件夹里的自评表。</li></ul>" +
      "<p>两者都向单位信息部门索取。" +
      (reason === "no-office"
        ? ""
        : "若要在 Excel 中使用，请安装 WebView2 运行时并升级到 Microsoft 365 或 Office 2021 及以上，或用 Mac 版、网页版 Excel。") +
      "</p></div>";
    body.innerHTML = html;
  }

  function show(reason, win) {
    win = win || window;
    win.jixiaoCompat.blocked = reason;
    var doc = win.document;
    if (doc.readyState === "loading") {
      doc.addEventListener("DOMContentLoaded", function () {
        render(doc, reason);
      });
    } else {
      render(doc, reason);
    }
  }

  /** "old-build" when Office reports a build without the add-in's requirement sets, else null. */
  function officeProblem(office) {
    try {
      var req = office && office.context && office.context.requirements;
      if (!req || typeof req.isSetSupported !== "function") return null;
      if (!req.isSetSupported("ExcelApi", MIN_EXCEL_API)) return "old-build";
      return null;
    } catch (e) {
      return null;
    }
  }

  window.jixiaoCompat = {
    blocked: null,
    engineProblem: engineProblem,
    officeProblem: officeProblem,
    show: function (reason) {
      show(reason, window);
    },
  };
  /** After every script of the page ran: office.js referenced (the pane page) but `Office` never defined. */
  function checkOfficeLoaded(win) {
    var officeJs = win.document.querySelector('script[src$="office.js"]');
    if (!win.jixiaoCompat.blocked && officeJs && typeof win.Office === "undefined") show("no-office", win);
  }

  var problem = engineProblem(window);
  if (problem) show(problem, window);
  else if (window.addEventListener)
    window.addEventListener("load", function () {
      checkOfficeLoaded(window);
    });
})();
