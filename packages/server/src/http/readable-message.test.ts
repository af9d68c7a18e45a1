import { describe, expect, it } from "vitest";
import { readableMessage } from "./error-handler";

/* Issue 16 point 19: a refused field is named in Chinese, never by its code. */
describe("readableMessage", () => {
  it("names a known field in Chinese before a message that does not name it", () => {
    expect(readableMessage("copies", "份数至少为1")).toBe("份数至少为1");
    expect(readableMessage("occupation", "请选择")).toBe("职业：请选择");
    expect(readableMessage("items.3.reason", "至少2个字")).toBe("理由：至少2个字");
  });

  it("never shows the code of a field it has no name for", () => {
    expect(readableMessage("someInternalField", "格式不正确")).toBe("格式不正确");
    expect(readableMessage("", "格式不正确")).toBe("格式不正确");
  });
});
