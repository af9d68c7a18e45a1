import { checkPasswordPolicy } from "@linxuan/domain";
import { describe, expect, it } from "vitest";
import { randomInitialPassword } from "./crypto";

describe("randomInitialPassword", () => {
  it("always satisfies the password policy and never repeats", () => {
    const passwords = Array.from({ length: 500 }, () => randomInitialPassword());
    for (const password of passwords) {
      expect(checkPasswordPolicy(password, { username: "expert01" }), password).toEqual({ ok: true });
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
