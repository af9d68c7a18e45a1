#!/usr/bin/env node
// Writes src/db/generated.ts, the Kysely row types, from a freshly migrated database
// (src/db/type-generation.ts does the work; tsx loads it because the migrations are TypeScript).
// With --check it writes nothing and exits 1 when the committed file differs from a fresh
// generation: `npm run check` runs it so that no migration lands without its types.
import fs from "node:fs";
import { tsImport } from "tsx/esm/api";

const { generateTypes, generatedTypesPath, typesDrift } = await tsImport(
  "../src/db/type-generation.ts",
  import.meta.url,
);
const fresh = await generateTypes();

if (process.argv.includes("--check")) {
  const committed = fs.existsSync(generatedTypesPath) ? fs.readFileSync(generatedTypesPath, "utf8") : "";
  const drift = typesDrift(committed, fresh);
  if (drift) {
    console.error(drift);
    process.exit(1);
  }
  console.log("db types ok: src/db/generated.ts matches the migrations");
} else {
  fs.writeFileSync(generatedTypesPath, fresh);
  console.log("已生成数据库行类型：packages/server/src/db/generated.ts");
}
