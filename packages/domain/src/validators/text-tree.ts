import { z } from "zod";
import { checkText, TEXT_ERROR_CODE, textProblemMessage } from "./text";

/**
 * Marks a string schema as a multi-line field (a narrative, a reason, an opinion): the text rule
 * then allows tab and line breaks in it. Every other string is one line.
 */
export function multiline<T extends z.ZodType>(schema: T): T {
  return schema.meta({ multiline: true });
}

/** Marks a schema with the Chinese name the text rule uses in its messages. */
export function labelled<T extends z.ZodType>(schema: T, label: string): T {
  return schema.meta({ title: label });
}

export type TextIssue = { path: string; message: string };
export type TextTreeResult = { ok: true; value: unknown } | { ok: false; code: string; issues: TextIssue[] };

// Where the schema says nothing about a value (z.unknown, z.any) another validator interprets it —
// the form templates for application values — so only the characters no field may hold are refused
// here and line breaks are left to that validator.
const FREE = Symbol("free");
type Node = { schema: z.ZodType | typeof FREE; multiline: boolean; label: string | null };

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"]);

/** "请填写单位名称" → "单位名称": the label a schema's own required-message already names. */
function labelFromError(def: Def): string | null {
  if (typeof def.error !== "function") return null;
  try {
    const message = (def.error as (issue: unknown) => unknown)({ code: "invalid_type", input: undefined });
    const text =
      typeof message === "string" ? message : (message as { message?: unknown } | undefined)?.message;
    if (typeof text !== "string") return null;
    const match = /^请(?:填写|输入|选择|上传)(.{1,20})$/.exec(text);
    return match?.[1] ?? null;
  } catch {
    return null;
  }
}

function metaOf(schema: z.ZodType): { multiline?: unknown; title?: unknown; description?: unknown } {
  return (z.globalRegistry.get(schema) as { multiline?: unknown; title?: unknown } | undefined) ?? {};
}

/** The concrete schemas a value may be checked against, with wrappers, unions and pipes opened. */
function expand(node: Node, depth = 0): Node[] {
  if (node.schema === FREE || depth > 32) return [node];
  const schema = node.schema;
  const meta = metaOf(schema);
  const def = defOf(schema);
  const next: Node = {
    schema,
    multiline: node.multiline || meta.multiline === true,
    label:
      node.label ??
      (typeof meta.title === "string" ? meta.title : null) ??
      (typeof meta.description === "string" ? meta.description : null) ??
      labelFromError(def),
  };
  const open = (inner: unknown) => expand({ ...next, schema: inner as z.ZodType }, depth + 1);
  if (WRAPPERS.has(def.type)) return open(def.innerType);
  if (def.type === "lazy") return open((def.getter as () => unknown)());
  if (def.type === "pipe") {
    // z.preprocess is a pipe from a transform: the value is checked as the schema after it.
    const input = def.in as z.ZodType;
    return defOf(input).type === "transform" ? open(def.out) : open(input);
  }
  if (def.type === "union") return (def.options as z.ZodType[]).flatMap((option) => open(option));
  if (def.type === "intersection") return [...open(def.left), ...open(def.right)];
  if (def.type === "unknown" || def.type === "any") return [{ ...next, schema: FREE }];
  return [next];
}

function childOf(node: Node, key: string | number): Node[] {
  if (node.schema === FREE) return [{ schema: FREE, multiline: false, label: null }];
  const def = defOf(node.schema);
  const child = (schema: unknown): Node[] =>
    schema ? expand({ schema: schema as z.ZodType, multiline: false, label: null }) : [];
  switch (def.type) {
    case "object": {
      const shape = def.shape as Record<string, z.ZodType>;
      return child(Object.hasOwn(shape, key) ? shape[key] : def.catchall);
    }
    case "record":
      return child(def.valueType);
    case "array":
      return child(def.element);
    case "tuple": {
      const items = def.items as z.ZodType[];
      return child(typeof key === "number" && key < items.length ? items[key] : def.rest);
    }
    default:
      return [];
  }
}

/*
 * Characters that pass the text rule on a one-line field and that NFC leaves as they are: printable
 * ASCII, Latin-1, general punctuation (without U+2000–2001, which NFC maps, the line and paragraph
 * separators and the bidi controls), CJK punctuation, CJK ideographs (without the compatibility
 * ideographs NFC maps) and full-width forms. Nearly every string a Chinese form sends is made of
 * these: such a request needs no schema walk and no copy (issue 17: the check ran on every save).
 */
const PLAIN_LINE =
  /^[\x20-\x7e\u00a0-\u00ff\u2002-\u2027\u2030-\u205e\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]*$/;
/** The same, with the tab and line breaks a multi-line field may hold. */
const PLAIN_TEXT =
  /^[\t\n\r\x20-\x7e\u00a0-\u00ff\u2002-\u2027\u2030-\u205e\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]*$/;

type Path = (string | number)[];

/**
 * The quick look: undefined when some text needs the full walk (a character outside the plain
 * set, or a key that is not plain), otherwise the paths of the strings with line breaks or tabs.
 */
function plainTextPaths(value: unknown): Path[] | undefined {
  const multiline: Path[] = [];
  const walk = (input: unknown, path: Path): boolean => {
    if (typeof input === "string") {
      if (PLAIN_LINE.test(input)) return true;
      if (!PLAIN_TEXT.test(input)) return false;
      multiline.push([...path]);
      return true;
    }
    if (Array.isArray(input)) {
      for (let index = 0; index < input.length; index++) {
        path.push(index);
        const ok = walk(input[index], path);
        path.pop();
        if (!ok) return false;
      }
      return true;
    }
    if (input !== null && typeof input === "object") {
      for (const key of Object.keys(input)) {
        if (!PLAIN_LINE.test(key)) return false;
        path.push(key);
        const ok = walk((input as Record<string, unknown>)[key], path);
        path.pop();
        if (!ok) return false;
      }
    }
    return true;
  };
  return walk(value, []) ? multiline : undefined;
}

/** Whether the schema lets the string at `path` hold line breaks (the full walk's rule). */
function allowsLineBreaks(root: Node[], path: Path): boolean {
  let nodes = root;
  for (const key of path) nodes = nodes.flatMap((node) => childOf(node, key));
  return nodes.length === 0 || nodes.some((n) => n.multiline || n.schema === FREE);
}

const rootNodes = new WeakMap<z.ZodType, Node[]>();

/**
 * Applies the text rule to every string in a request part — values and object keys alike — guided
 * by the route's zod schema: a string is multi-line when the schema marks it with `multiline`, or
 * when the schema leaves it `unknown` for a later validator. Without a schema everything is one
 * line. Returns the value with every string in NFC, or every offending field with a Chinese message
 * naming it (the schema's label, else the field's path).
 */
export function checkTextTree(schema: z.ZodType | undefined, value: unknown): TextTreeResult {
  const multiline = plainTextPaths(value);
  if (multiline !== undefined) {
    if (multiline.length === 0) return { ok: true, value };
    if (schema) {
      let root = rootNodes.get(schema);
      if (!root) {
        root = expand({ schema, multiline: false, label: null });
        rootNodes.set(schema, root);
      }
      const nodes = root;
      if (multiline.every((path) => allowsLineBreaks(nodes, path))) return { ok: true, value };
    }
  }
  return checkTextTreeFully(schema, value);
}

/** The complete walk `checkTextTree` falls back to; exported so a property test can compare the two. */
export function checkTextTreeFully(schema: z.ZodType | undefined, value: unknown): TextTreeResult {
  const issues: TextIssue[] = [];
  const root: Node[] = schema
    ? expand({ schema, multiline: false, label: null })
    : [{ schema: FREE, multiline: false, label: null }];
  const strictRoot = !schema;

  const visit = (input: unknown, nodes: Node[], path: (string | number)[]): unknown => {
    if (typeof input === "string") {
      // A key the schema does not know is dropped by it later; only what no field may hold is refused.
      const multi =
        !strictRoot && (nodes.length === 0 || nodes.some((n) => n.multiline || n.schema === FREE));
      const check = checkText(input, { multiline: multi });
      if (check.ok) return check.value;
      const name = path.join(".");
      const label = nodes.find((n) => n.label)?.label ?? (name ? `字段 ${name} ` : "输入内容");
      issues.push({ path: name, message: textProblemMessage(label, check) });
      return input;
    }
    if (Array.isArray(input)) {
      return input.map((item, index) =>
        visit(
          item,
          nodes.flatMap((node) => childOf(node, index)),
          [...path, index],
        ),
      );
    }
    if (input !== null && typeof input === "object") {
      const result: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(input)) {
        const keyCheck = checkText(key, { multiline: false });
        const childPath = [...path, key];
        if (!keyCheck.ok) {
          issues.push({ path: childPath.join("."), message: textProblemMessage("字段名", keyCheck) });
          continue;
        }
        // defineProperty: a key "__proto__" stays a plain key and never becomes the prototype.
        Object.defineProperty(result, keyCheck.value, {
          value: visit(
            item,
            nodes.flatMap((node) => childOf(node, key)),
            childPath,
          ),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return result;
    }
    return input;
  };

  const cleaned = visit(value, root, []);
  return issues.length === 0 ? { ok: true, value: cleaned } : { ok: false, code: TEXT_ERROR_CODE, issues };
}
