import { describe, expect, it } from "vitest";
import { auditEventName, auditTargetNames, hasAuditEventName, storedAuditEventNames } from "./event-names";

describe("audit events recorded under the names before publicNotice", () => {
  it("still read by their Chinese names", () => {
    expect(auditEventName("notice.create")).toBe("发布公示");
    expect(auditEventName("publicNotice.create")).toBe("发布公示");
    expect(auditEventName("notice.demoShorten")).toBe("演示：缩短公示期");
    expect(auditEventName("notice.manage")).toBe(auditEventName("publicNotice.manage"));
    expect(hasAuditEventName("notice.create")).toBe(true);
    expect(auditTargetNames.notice).toBe("公示");
    expect(auditTargetNames.publicNotice).toBe("公示");
  });

  it("are found by a filter on the current name", () => {
    expect(storedAuditEventNames("publicNotice.create")).toEqual(["publicNotice.create", "notice.create"]);
    expect(storedAuditEventNames("auth.login")).toEqual(["auth.login"]);
  });
});
