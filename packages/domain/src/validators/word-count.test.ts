import { describe, expect, it } from "vitest";
import { checkWordLimit, countWords } from "./word-count";

describe("countWords", () => {
  it.each([
    ["", 0, "empty"],
    ["   \t\n", 0, "ASCII whitespace only"],
    ["\u3000\u3000", 0, "ideographic spaces only"],
    ["人工智能", 4, "one per Han character"],
    ["㐀㐁", 2, "CJK Extension A"],
    ["𠀀𠀁", 2, "CJK Extension B (outside the BMP)"],
    ["豈更", 2, "compatibility ideographs"],
    ["AI", 1, "a Latin run is one word"],
    ["2023", 1, "a number is one word"],
    ["5G", 1, "letters and digits together"],
    ["v2.0", 1, "a version number"],
    ["3.14", 1, "a decimal"],
    ["e-mail", 1, "a hyphenated word"],
    ["AI/ML", 1, "slash-joined"],
    ["GB/T 4754-2017", 2, "a standard number"],
    ["hello, world", 2, "attached ASCII punctuation adds nothing"],
    ["2023年", 2, "a number then a Han character"],
    ["第5G代", 3, "Han, Latin run, Han"],
    ["-- ... !!", 0, "ASCII punctuation alone counts 0"],
    ["。，、；：？！", 7, "CJK and full-width punctuation count 1 each"],
    ["“数字”‘技术’", 8, "curly quotes count 1 each"],
    ["《方案》【附件】（一）", 11, "book-title marks and brackets"],
    ["——", 2, "a Chinese dash is two characters"],
    ["……", 2, "a Chinese ellipsis is two characters"],
    ["张·三", 3, "middle dot"],
    ["「引用」『引用』", 8, "corner brackets"],
    ["～￥", 2, "full-width tilde and yen"],
    ["ＡＩ１２", 4, "full-width letters and digits count 1 each"],
    ["カタカナ", 4, "kana count 1 each"],
    ["안녕 하세요", 2, "Korean counts per word"],
    ["Crème brûlée", 2, "accented Latin"],
    ["😀", 1, "an emoji"],
    ["你好😀", 3, "emoji after Han"],
    ["AI🚀", 2, "emoji breaks a Latin run"],
    ["👍🏽", 1, "emoji with skin tone"],
    ["👨‍👩‍👧", 1, "ZWJ family"],
    ["🇨🇳", 1, "flag"],
    ["❤️", 1, "text symbol with emoji presentation selector"],
    ["Windows™", 1, "trademark sign stays inside the word"],
    ["©", 0, "a lone copyright sign is punctuation"],
  ])("counts %j as %i (%s)", (text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it("counts a realistic mixed sentence", () => {
    // 我单位成立于(6) 2015(1) 年(1) ，(1) 拥有(2) AI(1) 、(1) 5G(1) 等领域专职教师(7) 30(1) 人(1) 。(1)
    expect(countWords("我单位成立于2015年，拥有AI、5G等领域专职教师30人。")).toBe(24);
  });

  it("counts a paragraph with line breaks and English names", () => {
    const text = "推荐理由：\n1. 该单位承担了“Python 数据分析”等课程；\n2. 年培训 1,200 人次。";
    // 推荐理由：(5) 1.(1) 该单位承担了(6) “(1) Python(1) 数据分析(4) ”(1) 等课程(3) ；(1)
    // 2.(1) 年培训(3) 1,200(1) 人次(2) 。(1)
    expect(countWords(text)).toBe(31);
  });
});

describe("countWords on long texts (remembered)", () => {
  it("counts a long text the same every time, and each text by its own words", () => {
    const long = "人工智能训练师培训，".repeat(20);
    expect(countWords(long)).toBe(200);
    expect(countWords(long)).toBe(200);
    const longer = `${long}AI 2023`;
    expect(countWords(longer)).toBe(202);
    expect(countWords(`${"word ".repeat(30)}`)).toBe(30);
  });

  it("stays right after many distinct texts have pushed the oldest out", () => {
    const text = (i: number) => `${"字".repeat(70)} ${"w ".repeat(i % 50)}${i}`;
    for (let i = 0; i < 2500; i++) expect(countWords(text(i))).toBe(70 + (i % 50) + 1);
    expect(countWords(text(0))).toBe(71);
  });
});

describe("checkWordLimit", () => {
  it("accepts exactly the limit and rejects one more", () => {
    expect(checkWordLimit("字".repeat(800), 800)).toEqual({ count: 800, limit: 800, ok: true });
    expect(checkWordLimit("字".repeat(801), 800)).toEqual({ count: 801, limit: 800, ok: false });
  });

  it("counts Latin words, not letters, towards the limit", () => {
    expect(checkWordLimit("AI ".repeat(800), 800)).toEqual({ count: 800, limit: 800, ok: true });
    expect(checkWordLimit(`${"字".repeat(799)}AI`, 800)).toMatchObject({ count: 800, ok: true });
    expect(checkWordLimit(`${"字".repeat(799)}。AI`, 800)).toMatchObject({ count: 801, ok: false });
  });

  it("accepts an empty text under any limit", () => {
    expect(checkWordLimit("", 0)).toEqual({ count: 0, limit: 0, ok: true });
  });
});
