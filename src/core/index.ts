/**
 * Public barrel of the core: what hosts (CLI, task pane, preview, custom functions) import.
 * Pure: no Office, DOM or Node imports anywhere below.
 */
export * from "./grid";
export * from "./model";
export * from "./check";
export * from "./locate";
export * from "./parse";
export * from "./scoring";
export * from "./rates";
export * from "./grade";
export * from "./profiles";
export * from "./template";
export * from "./numbers";
export * from "./labels";
export { rolesOf, rolesOfNormalized } from "./kinds/roles";
export { MSG } from "./messages";
export { CHECK_GROUPS, DEFAULT_SEVERITY, RULE_CATEGORY } from "./checks";
export type { CheckGroup } from "./checks";
