/**
 * The hooks a kind of form plugs into the generic engine with (a kind whose layout has blocks of its own,
 * e.g. the 自评报告's money tables). The generic engine sees only this interface: the implementations live
 * in the kind's folder (`kinds/<kind>/plugin.ts`) and the registry above the engine (`../plugins.ts`) wires
 * them, so reading, planning and checking never import a kind's module.
 */
import type { FormKind, RuleProfile, SelfEvalForm } from "../model";
import type { FormAnalysis, KindReading } from "../read";
import type { CheckGroup } from "./context";

export interface KindPlugin {
  kind: FormKind;
  /**
   * Reads the kind's own blocks after the generic reading (FormAnalysis.kindReading): the points of summary
   * rows it computes by rule, and its own data for its checks.
   */
  read?(form: SelfEvalForm, analysis: FormAnalysis, profile: RuleProfile): KindReading;
  /** Check groups only this kind runs, after the generic form groups. */
  checks?: readonly CheckGroup[];
}
