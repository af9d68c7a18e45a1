import fc from "fast-check";
import type { z } from "zod";

/**
 * Text a careless or hostile client sends: characters the text rule refuses (NUL, lone surrogates,
 * controls, bidi overrides and isolates), and text it must accept and store alike on both
 * databases (emoji and other 4-byte characters, combining marks, right-to-left letters, markup,
 * SQL and LIKE metacharacters, very long text).
 */
const REFUSED = [
  "\u0000",
  "\ud800",
  "\udfff",
  "\u0007",
  "\u001b",
  "\u007f",
  "\u0085",
  "\u202e",
  "\u2066",
  "\u2069",
];
const ACCEPTED = [
  "数字技术",
  "𠀀𪚥",
  "👩‍💻🇨🇳",
  "e\u0301",
  "עברית",
  "العربية",
  "<script>alert(1)</script>",
  "'; drop table users; --",
  "%_\\",
  "\u3000",
  "🀄",
  "\n",
  "\t",
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .array(fc.constantFrom(...REFUSED, ...ACCEPTED), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.join("")),
  },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(...ACCEPTED).map((part) => part.repeat(3000)) },
);

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/**
 * A fast-check arbitrary for values of the shape a zod schema describes, with every string taken
 * from `hostileString`: the requests a fuzzing client would make of a route.
 */
export function arbitraryFor(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 8) return hostileString;
  const def = defOf(schema);
  const next = (inner: unknown) => arbitraryFor(inner, depth + 1);
  switch (def.type) {
    case "string":
      return hostileString;
    case "number":
    case "int":
    case "bigint":
      return fc.oneof(fc.integer({ min: -2, max: 10_000 }), fc.constant(1));
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "date":
      return fc.date().map((date) => date.toISOString());
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case "optional":
      return fc.option(next(def.innerType), { nil: undefined });
    case "nullable":
      return fc.option(next(def.innerType), { nil: null });
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return next(def.innerType);
    case "lazy":
      return next((def.getter as () => unknown)());
    case "pipe": {
      const input = defOf(def.in).type === "transform" ? def.out : def.in;
      return next(input);
    }
    case "union":
      return fc.oneof(...(def.options as unknown[]).map((option) => next(option)));
    case "intersection":
      return fc
        .tuple(next(def.left), next(def.right))
        .map(([left, right]) =>
          typeof left === "object" && typeof right === "object"
            ? { ...(left as object), ...(right as object) }
            : left,
        );
    case "array":
      return fc.array(next(def.element), { maxLength: 3 });
    case "tuple":
      return fc.tuple(...(def.items as unknown[]).map((item) => next(item)));
    case "record":
      return fc.dictionary(hostileString, next(def.valueType), { maxKeys: 3 });
    case "object": {
      const shape = def.shape as Record<string, z.ZodType>;
      return fc.record(Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, next(value)])));
    }
    default:
      // unknown, any, custom, transform: anything a JSON client can send
      return fc.oneof(
        hostileString,
        fc.integer(),
        fc.constant(null),
        fc.dictionary(hostileString, hostileString, { maxKeys: 2 }),
      );
  }
}
