import { test } from "vitest";
import { computeCreditCodeCheckChar, computeIdNumberCheckChar } from "@linxuan/domain";
test("x", () => { for (const c of ["91310115MA1K3XYZ0", "12310000425021376", "52310000MJ4918360"]) console.log(c + computeCreditCodeCheckChar(c)); for (const i of ["31010419780512301", "31011219820917402"]) console.log(i + computeIdNumberCheckChar(i)); });
