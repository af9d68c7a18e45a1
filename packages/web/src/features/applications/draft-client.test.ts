import { describe, expect, it } from "vitest";
import { ApiError } from "../../shared/http";
import { describeSaveError, retryOf } from "./draft-client";
import { testTemplate as template } from "./test-template";

describe("a failed draft save", () => {
  it("is retried by itself after a network, server or rate-limit failure", () => {
    expect(retryOf({ code: "NETWORK_ERROR", status: 0 })).toBe("later");
    expect(retryOf({ code: "HTTP_503", status: 503 })).toBe("later");
    expect(retryOf({ code: "RATE_LIMITED", status: 429 })).toBe("later");
  });

  it("with refused text waits for the next edit, anything else for 重试", () => {
    expect(retryOf({ code: "INVALID_TEXT", status: 400 })).toBe("on-edit");
    expect(retryOf({ code: "FORBIDDEN", status: 403 })).toBe("manual");
    expect(retryOf({ code: "APPLICATION_NOT_EDITABLE", status: 409 })).toBe("manual");
  });

  it("names refused text by the field's printed label instead of its path", () => {
    const refused = new ApiError(400, "INVALID_TEXT", "请求含有无法保存的字符", [
      { path: "values.trainings.1.year", message: "字段 values.trainings.1.year 含有控制字符" },
    ]);
    expect(describeSaveError(template, refused)).toBe("近三年培训情况第2行·年度含有控制字符");
    const other = new ApiError(503, "HTTP_503", "服务器暂时无法处理请求（503），请稍后重试");
    expect(describeSaveError(template, other)).toBe("服务器暂时无法处理请求（503），请稍后重试");
  });
});
