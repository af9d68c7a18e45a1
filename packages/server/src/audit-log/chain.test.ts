import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { legacyHashEvent } from "../test/audit-tamper";
import { type ChainedFields, GENESIS_HASH, hashEvent, storableText, storedFields } from "./chain";

const login: ChainedFields = {
  seq: 1,
  at: "2026-11-23T02:36:53.000Z",
  actorUserId: "6f1c8b9e-0000-4000-8000-000000000001",
  actorUsername: "admin",
  actorRole: "admin",
  command: "auth.login",
  targetType: "user",
  targetId: "6f1c8b9e-0000-4000-8000-000000000001",
  ip: "127.0.0.1",
  summary: "登录成功",
  detail: null,
  requestId: null,
};
// Quotes, backslashes, a new line, an astral character, and a detail JSON that escapes a lone
// surrogate and U+0000 (as JSON.stringify of a detail object does): all storable as they are.
const registration: ChainedFields = {
  seq: 2,
  at: "2026-11-23T02:40:00.123Z",
  actorUserId: null,
  actorUsername: null,
  actorRole: null,
  command: "auth.register",
  targetType: "institution",
  targetId: "inst-1",
  ip: "::1",
  summary: '注册申报单位：上海😀数字"技术"\\学院\n第二行',
  detail: JSON.stringify({ name: "测试\ud800机构", note: "a\u0000b" }),
  requestId: null,
};

describe("storable text", () => {
  it("turns lone surrogates and U+0000 into U+FFFD and leaves everything else alone", () => {
    expect(storableText("测试\ud800机构")).toBe("测试\uFFFD机构");
    expect(storableText("\udc00a\0b\udbff")).toBe("\uFFFDa\uFFFDb\uFFFD");
    expect(storableText("😀 \ud83d\ude00 é e\u0301 \r\n\t")).toBe("😀 \ud83d\ude00 é e\u0301 \r\n\t");
    const messy = "a\ud800b\udc00c😀\0d\udbff\udfff\ud800";
    const toWellFormed = (text: string) => (text as unknown as { toWellFormed(): string }).toWellFormed();
    expect(storableText(messy)).toBe(toWellFormed(messy).replaceAll("\0", "\uFFFD"));
  });

  it("makes every text field storable and keeps absent ones null", () => {
    const stored = storedFields({
      ...login,
      actorUsername: "u\0",
      summary: "测试\ud800机构",
      targetId: undefined as unknown as null,
      detail: "\udfff",
    });
    expect(stored).toMatchObject({
      actorUsername: "u\uFFFD",
      summary: "测试\uFFFD机构",
      targetId: null,
      detail: "\uFFFD",
    });
    expect(storedFields(registration)).toEqual(registration);
  });
});

describe("hash compatibility with chains written before storable text", () => {
  it("hashes well-formed events exactly as the old scheme did", () => {
    const first = hashEvent(GENESIS_HASH, login);
    // Computed with the old function at commit 268dc09.
    expect(first).toBe("39b5728a83dd83999f8c517891742545b7a5483db14eb8b6e495b43f16bb50c9");
    expect(hashEvent(first, registration)).toBe(
      "39cdb1daa8804754260578aa47aed6282a851462806e4a29b4951ad123ab1274",
    );
    for (const event of [login, registration]) {
      expect(hashEvent(first, storedFields(event))).toBe(legacyHashEvent(first, event));
    }
  });

  it("hashes the stored replacement, not the lone surrogate the old scheme hashed", () => {
    const event = { ...registration, summary: "测试\ud800机构" };
    const stored = storedFields(event);
    expect(hashEvent(GENESIS_HASH, stored)).toBe(
      legacyHashEvent(GENESIS_HASH, { ...event, summary: "测试\uFFFD机构" }),
    );
    expect(hashEvent(GENESIS_HASH, stored)).not.toBe(legacyHashEvent(GENESIS_HASH, event));
  });
});

describe("the request id in the hash", () => {
  it("hashes an event without a request id exactly as before the column existed", () => {
    expect(hashEvent(GENESIS_HASH, { ...login, requestId: null })).toBe(legacyHashEvent(GENESIS_HASH, login));
  });

  it("appends a request id to the hashed fields, so adding, changing or removing it shows", () => {
    const withId = { ...login, requestId: "edge-1" };
    const expected = crypto
      .createHash("sha256")
      .update(
        `${GENESIS_HASH}\n${JSON.stringify([
          login.seq,
          login.at,
          login.actorUserId,
          login.actorUsername,
          login.actorRole,
          login.command,
          login.targetType,
          login.targetId,
          login.ip,
          login.summary,
          login.detail,
          "edge-1",
        ])}`,
      )
      .digest("hex");
    expect(hashEvent(GENESIS_HASH, withId)).toBe(expected);
    expect(hashEvent(GENESIS_HASH, { ...login, requestId: "edge-2" })).not.toBe(expected);
    expect(hashEvent(GENESIS_HASH, { ...login, requestId: "" })).not.toBe(hashEvent(GENESIS_HASH, login));
    expect(storedFields(withId).requestId).toBe("edge-1");
  });
});
