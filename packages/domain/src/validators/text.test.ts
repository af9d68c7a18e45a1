import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkText, textProblemMessage } from "./text";
import { checkTextTree, checkTextTreeFully, labelled, multiline } from "./text-tree";

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const one = { multiline: false };
const many = { multiline: true };

describe("checkText", () => {
  it("accepts Chinese, emoji and other 4-byte characters, and returns them in NFC", () => {
    expect(checkText("上海市人力资源公共服务中心", one)).toEqual({
      ok: true,
      value: "上海市人力资源公共服务中心",
    });
    expect(checkText("𠀀𪚥 机构 👩‍💻", one)).toEqual({ ok: true, value: "𠀀𪚥 机构 👩‍💻" });
    expect(checkText("Cafe\u0301", one)).toEqual({ ok: true, value: "Café" });
    expect(checkText("", one)).toEqual({ ok: true, value: "" });
  });

  it.each([
    ["\u0000", "nul"],
    ["\ud800", "loneSurrogate"],
    ["\udfff", "loneSurrogate"],
    ["\u0007", "control"],
    ["\u001b", "control"],
    ["\u007f", "control"],
    ["\u0085", "control"],
    ["\u009f", "control"],
    ["\u202a", "bidi"],
    ["\u202e", "bidi"],
    ["\u2066", "bidi"],
    ["\u2069", "bidi"],
  ])("refuses %j wherever it stands, naming the character", (char, problem) => {
    for (const value of [`${char}测试`, `测试${char}机构`, `机构${char}`]) {
      const result = checkText(value, many);
      expect(result).toMatchObject({ ok: false, problem, codePoint: char.codePointAt(0) });
    }
  });

  it("reports where the bad character is", () => {
    expect(checkText("测试\ud800机构", one)).toMatchObject({ index: 2 });
    // a surrogate pair followed by a lone high surrogate
    expect(checkText("😀\ud83d", one)).toMatchObject({ problem: "loneSurrogate", index: 2 });
    // a low surrogate alone, then a valid pair
    expect(checkText("\ude00😀", one)).toMatchObject({ problem: "loneSurrogate", index: 0 });
  });

  it("allows tab and line breaks only in multi-line fields", () => {
    for (const char of ["\t", "\n", "\r", "\u000b", "\u000c", "\u2028", "\u2029"]) {
      expect(checkText(`第一段${char}第二段`, many).ok).toBe(true);
      expect(checkText(`第一段${char}第二段`, one)).toMatchObject({ ok: false, problem: "lineBreak" });
    }
  });

  it("says in Chinese what is wrong and in which field", () => {
    const result = checkText("测试\u0000", one);
    if (result.ok) throw new Error("expected a refusal");
    expect(textProblemMessage("单位名称", result)).toBe(
      "单位名称含有不允许的空字符（U+0000），这类字符常由复制粘贴带入，请删除后重新提交",
    );
    const line = checkText("a\nb", one);
    if (line.ok) throw new Error("expected a refusal");
    expect(textProblemMessage("联系人姓名", line)).toBe(
      "联系人姓名含有不允许的换行或制表符（U+000A），该项只能填写一行文字",
    );
  });

  it("property: whatever it accepts is well-formed, NFC, storable on both databases and free of bidi controls", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), fc.boolean(), (value, multi) => {
        const result = checkText(value, { multiline: multi });
        if (!result.ok) {
          expect(value.codePointAt(result.index) ?? value.charCodeAt(result.index)).toBe(result.codePoint);
          return;
        }
        expect(result.value).not.toMatch(LONE_SURROGATE);
        expect(result.value).toBe(result.value.normalize("NFC"));
        expect(result.value).not.toMatch(/(?![\t\n\v\f\r])\p{Cc}|[\u202a-\u202e\u2066-\u2069]/u);
        if (!multi) expect(result.value).not.toMatch(/[\t\n\r\v\f\u2028\u2029]/);
      }),
      { numRuns: 2000 },
    );
  });

  it("property: a string of ordinary text is accepted unchanged when already NFC", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (value) => {
        const clean = value.replace(/[\p{Cc}\u202a-\u202e\u2066-\u2069\u2028\u2029]/gu, "").normalize("NFC");
        expect(checkText(clean, one)).toEqual({ ok: true, value: clean });
      }),
    );
  });
});

describe("checkTextTree", () => {
  const schema = z.object({
    name: z.string({ error: "请填写单位名称" }).max(100),
    contact: labelled(z.string().optional(), "联系人"),
    reason: multiline(z.string().trim().min(2)).optional(),
    rows: z.array(z.object({ note: multiline(z.string()), code: z.string() })).nullable(),
    values: z.record(z.string(), z.unknown()),
    choice: z.discriminatedUnion("action", [
      z.object({ action: z.literal("close"), note: multiline(z.string()) }),
      z.object({ action: z.literal("open"), title: z.string() }),
    ]),
  });

  it("normalises every string, keys included, and keeps the shape", () => {
    const result = checkTextTree(schema, {
      name: "Cafe\u0301",
      rows: [{ note: "一\n二", code: "e\u0301" }],
      values: { "Cafe\u0301": ["x\u0301"] },
      count: 3,
    });
    expect(result).toEqual({
      ok: true,
      value: {
        name: "Café",
        rows: [{ note: "一\n二", code: "é" }],
        values: { Café: ["x́".normalize("NFC")] },
        count: 3,
      },
    });
  });

  it("names each refused field by its label, else its path", () => {
    const result = checkTextTree(schema, {
      name: "测试\ud800机构",
      contact: "张\u202e三",
      rows: [{ note: "ok", code: "a\nb" }],
    });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_TEXT",
      issues: [
        { path: "name", message: expect.stringMatching(/^单位名称含有不允许的不完整的字符/) },
        { path: "contact", message: expect.stringMatching(/^联系人含有不允许的文字方向控制字符（U\+202E）/) },
        { path: "rows.0.code", message: expect.stringMatching(/^字段 rows\.0\.code 含有不允许的换行/) },
      ],
    });
  });

  it("allows line breaks where the schema marks the field multi-line, through wrappers and unions", () => {
    expect(checkTextTree(schema, { reason: "一\r\n二", rows: [{ note: "a\tb", code: "c" }] }).ok).toBe(true);
    expect(checkTextTree(schema, { choice: { action: "close", note: "一\n二" } }).ok).toBe(true);
    // title is one line in the only branch that has it
    expect(checkTextTree(schema, { choice: { action: "open", title: "一\n二" } }).ok).toBe(false);
    expect(checkTextTree(schema, { name: "一\n二" }).ok).toBe(false);
  });

  it("leaves line breaks in values the schema leaves unknown to their own validator, but never NUL", () => {
    expect(checkTextTree(schema, { values: { profile: "一\n二", rows: [{ a: "b\nc" }] } }).ok).toBe(true);
    expect(checkTextTree(schema, { values: { profile: "一\u0000二" } })).toMatchObject({
      ok: false,
      issues: [{ path: "values.profile" }],
    });
  });

  it("treats every string as one line when there is no schema, and refuses bad keys", () => {
    expect(checkTextTree(undefined, { q: "a\nb" }).ok).toBe(false);
    expect(checkTextTree(undefined, { q: "机构" })).toEqual({ ok: true, value: { q: "机构" } });
    expect(checkTextTree(schema, { values: { "a\u0000": 1 } })).toMatchObject({
      ok: false,
      issues: [{ path: "values.a\u0000", message: expect.stringMatching(/^字段名含有/) }],
    });
  });

  it("keeps a __proto__ key a plain key", () => {
    const input = JSON.parse('{"values": {"__proto__": {"polluted": "yes"}}}');
    const result = checkTextTree(schema, input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const values = (result.value as { values: Record<string, unknown> }).values;
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(({} as { polluted?: string }).polluted).toBeUndefined();
  });

  it("answers exactly as the full walk does, whatever the text (the quick look is only a shortcut)", () => {
    // Plain CJK and ASCII, line breaks and tabs, characters NFC changes (a combining accent, a
    // compatibility ideograph, U+2000), controls, bidi marks, lone surrogates and emoji.
    const char = fc.constantFrom(
      "a",
      "Z",
      " ",
      "机",
      "构",
      "，",
      "　",
      "Ａ",
      "é",
      "\u00a0",
      "—",
      "\n",
      "\r",
      "\t",
      "\u0301",
      "\uf900",
      "\u2000",
      "\u2028",
      "\u0000",
      "\u0007",
      "\u0085",
      "\u202e",
      "\u2066",
      "\ud800",
      "\udc00",
      "😀",
      "\u3099",
      "\u1100",
    );
    const text = fc.array(char, { maxLength: 6 }).map((chars) => chars.join(""));
    const key = fc.oneof(
      fc.constantFrom("name", "contact", "reason", "rows", "values", "choice", "note", "code", "action"),
      text,
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small" },
        text,
        fc.integer(),
        fc.constant(null),
        fc.array(tie("node"), { maxLength: 3 }),
        fc.dictionary(key, tie("node"), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(tree, fc.boolean(), (value, withSchema) => {
        const used = withSchema ? schema : undefined;
        expect(checkTextTree(used, value)).toEqual(checkTextTreeFully(used, value));
      }),
      { numRuns: 2000 },
    );
  });
});
