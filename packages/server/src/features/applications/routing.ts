import {
  type ApplicationRouting,
  type RecommenderRef,
  recommenderName,
  routeApplication,
} from "@linxuan/domain";
import type { ApplicationContext } from "./context";

/** The routing the application view shows: `recommender` in the API, 申报去向 on the page. */
export type RoutingView = {
  recommender: { type: RecommenderRef["type"]; value: string | null } | null;
  routing: ApplicationRouting;
};

/**
 * 申报去向 as the application's reader sees it: the recommender recorded at submission, or — for a
 * draft — the one it would go to now (an evaluation institution's industry choice is made when it
 * submits, so a draft shows its province and explains the choice).
 */
export function routingView(ctx: ApplicationContext): RoutingView {
  const stored: RecommenderRef | null =
    ctx.row.recommenderType && ctx.row.recommenderValue
      ? { type: ctx.row.recommenderType, value: ctx.row.recommenderValue }
      : null;
  const routing = routeApplication({
    batch: ctx.batch,
    kind: ctx.row.kind,
    institution: ctx.institution,
    chosen: stored?.type === "industry" ? stored : null,
    // A stored industry department was checked when the application was submitted.
    industryScopes: stored?.type === "industry" ? [stored.value] : [],
  });
  if (stored) {
    const same = routing.recommender?.type === stored.type && routing.recommender.value === stored.value;
    return {
      recommender: stored,
      routing: {
        target: "recommender",
        name: recommenderName(stored),
        basis: same ? routing.basis : "提交时确定的推荐单位。",
        choice: routing.choice,
      },
    };
  }
  return {
    recommender: routing.recommender,
    routing: { target: routing.target, name: routing.name, basis: routing.basis, choice: routing.choice },
  };
}
