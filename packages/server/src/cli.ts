import fs from "node:fs";
import { parseArgs } from "node:util";
import {
  type AuditHeadFile,
  checkText,
  checkTextTree,
  createUserSchema,
  parseAuditHeadFile,
  roleNames,
  textProblemMessage,
} from "@linxuan/domain";
import { openRuntime } from "./bootstrap";
import { loadConfig } from "./config";
import type { DemoAccount } from "./demo/seed-demo";
import { randomInitialPassword } from "./http/crypto";
import { systemCaller } from "./http/deps";

/*
 * Each command loads only the modules it needs: the web server, the documents, the object-store
 * SDK and the jobs are not loaded to run `migrate` or `audit verify`, so a command starts quickly.
 */
const load = {
  serve: async () => ({
    ...(await import("./app")),
    ...(await import("./demo/seed-demo")),
    ...(await import("./jobs/handlers")),
    ...(await import("./jobs/recurring")),
    ...(await import("./jobs/runner")),
    ...(await import("./shutdown")),
  }),
};

const usage = `用法: linxuan <命令> [选项]

命令:
  serve                         启动服务（端口 PORT，默认 3000）；空库且非生产环境时创建演示数据
  migrate                       将数据库迁移到最新版本
  seed-demo                     创建演示账号与演示批次（仅空库，非生产环境）
  create-user --username U --role R --name 名称 [--password P] [--region 310000] [--industry 行业]
                                创建工作人员账号（角色: ${Object.keys(roleNames)
                                  .filter((r) => r !== "institution")
                                  .join(", ")}）
  calendar import <文件>        导入节假日/调休覆盖表（CSV 或 JSON）
  audit verify [--head <文件>]   校验审计日志哈希链，列出每一处被改动、插入或删除的事件；
                                --head 同时核对管理员导出的审计链头文件（签名与链头是否仍在链中）
                                全部完好时退出码为 0，发现问题为 2，参数或文件有误为 1
  backup <目录> [--include-key] 在平台运行时制作一致的备份（数据库快照、上传文件、清单）；
                                目录须不存在或为空；数据密钥默认不放入备份
  restore <目录>                把备份恢复到空的数据目录（PostgreSQL：空的数据库或模式）；
                                配置了对象存储时，上传文件写入该存储
  files migrate [--from <数据目录>]
                                把数据目录（默认 LINXUAN_DATA_DIR）中的上传文件复制到已配置的对象存储；
                                可重复运行，只复制缺少的文件；有文件损坏或冲突时退出码为 2
  key rotate                    换用新的数据密钥重新加密全部身份证号和电话（先停止所有实例）
`;

const cliCaller = { ...systemCaller, username: "cli" };
const say = (line: string) => console.log(line);

function printAccounts(accounts: DemoAccount[], password: string, fromEnv: boolean): void {
  console.log("\n================ 演示账号（仅用于演示环境）================");
  for (const account of accounts) {
    console.log(
      `  ${account.username.padEnd(20)} ${(roleNames as Record<string, string>)[account.role] ?? account.role}  ${account.displayName}`,
    );
  }
  console.log(
    `  密码（全部账号相同）：${password}${fromEnv ? "（来自 LINXUAN_DEMO_PASSWORD）" : "（随机生成，请记下；设置 LINXUAN_DEMO_PASSWORD 可指定）"}`,
  );
  console.log("===========================================================\n");
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  if (!command || command === "help" || command === "--help") {
    console.log(usage);
    return command ? 0 : 1;
  }
  if (command === "serve") {
    const {
      buildApp,
      createJobRunner,
      ensureRecurringJobs,
      isEmptyPlatform,
      jobHandlers,
      seedDemo,
      stopGracefullyOnSignal,
    } = await load.serve();
    const { deps, handle } = await openRuntime(config);
    try {
      await deps.files.ready?.();
    } catch (error) {
      await handle.close();
      throw new Error(`无法访问${deps.files.description}：${(error as Error).message}`);
    }
    if (config.demo && (await isEmptyPlatform(deps))) {
      const password = config.demoPassword ?? randomInitialPassword();
      printAccounts(await seedDemo(deps, password), password, Boolean(config.demoPassword));
    }
    const app = await buildApp(deps, { logger: true });
    const runner = createJobRunner(deps, jobHandlers, { leaseMs: config.jobLeaseSeconds * 1000 });
    if (config.jobs) {
      await ensureRecurringJobs(deps);
      runner.start();
    }
    stopGracefullyOnSignal({ app, runner, handle, graceMs: config.shutdownGraceSeconds * 1000 });
    await app.listen({ port: config.port, host: config.host });
    console.log(
      `遴选平台已启动：http://localhost:${config.port}/ （数据库：${deps.dialect}，${handle.location}；文件：${deps.files.description}）`,
    );
    return -1;
  }
  if (command === "restore") {
    if (!rest[0] || rest.length > 1) {
      console.error("用法：linxuan restore <备份目录>");
      return 1;
    }
    const { restoreBackup } = await import("./ops/restore");
    await restoreBackup(config, cliCaller, rest[0], say);
    return 0;
  }
  if (command === "files") {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { from: { type: "string" } },
      allowPositionals: true,
    });
    if (positionals[0] !== "migrate" || positionals.length > 1) {
      console.error("用法：linxuan files migrate [--from <数据目录>]");
      return 1;
    }
    const { migrateFiles } = await import("./ops/files-migrate");
    const counts = await migrateFiles(config, { from: values.from }, say);
    return counts.corrupt + counts.conflicting > 0 ? 2 : 0;
  }
  const runtime = await openRuntime(config);
  const { deps, handle } = runtime;
  try {
    switch (command) {
      case "migrate":
        console.log(`数据库已是最新版本（${deps.dialect}：${handle.location}）`);
        return 0;
      case "seed-demo": {
        if (config.production) {
          console.error("生产环境（NODE_ENV=production）不创建演示数据");
          return 1;
        }
        const { isEmptyPlatform, seedDemo } = await import("./demo/seed-demo");
        if (!(await isEmptyPlatform(deps))) {
          console.error("数据库中已有账号，未创建演示数据（演示数据只写入空库）");
          return 1;
        }
        const password = config.demoPassword ?? randomInitialPassword();
        printAccounts(await seedDemo(deps, password), password, Boolean(config.demoPassword));
        return 0;
      }
      case "create-user": {
        const { values } = parseArgs({
          args: rest,
          options: {
            username: { type: "string" },
            role: { type: "string" },
            name: { type: "string" },
            password: { type: "string" },
            region: { type: "string" },
            industry: { type: "string" },
          },
        });
        const password = values.password ?? randomInitialPassword();
        const text = checkTextTree(createUserSchema, {
          username: values.username,
          displayName: values.name,
          role: values.role,
          password,
          regionCode: values.region ?? null,
          industryScope: values.industry ?? null,
        });
        if (!text.ok) {
          for (const issue of text.issues) console.error(`${issue.path}：${issue.message}`);
          return 1;
        }
        const parsed = createUserSchema.safeParse(text.value);
        if (!parsed.success) {
          for (const issue of parsed.error.issues)
            console.error(`${issue.path.join(".") || "参数"}：${issue.message}`);
          return 1;
        }
        const { createStaffUser } = await import("./features/users/service");
        const { id } = await createStaffUser(deps, cliCaller, parsed.data, {
          mustChangePassword: true,
        });
        console.log(`已创建账号 ${parsed.data.username}（${roleNames[parsed.data.role]}），ID ${id}`);
        if (!values.password) console.log(`初始密码：${password}（首次登录须修改）`);
        return 0;
      }
      case "calendar": {
        const [sub, file] = rest;
        if (sub !== "import" || !file) {
          console.error("用法：linxuan calendar import <文件.csv|文件.json>");
          return 1;
        }
        const content = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
        const text = checkText(content, { multiline: true });
        if (!text.ok) {
          const line = content.slice(0, text.index).split("\n").length;
          console.error(`第 ${line} 行：${textProblemMessage("导入内容", text)}`);
          return 1;
        }
        const { importCalendarText } = await import("./features/calendar/service");
        const result = await importCalendarText(deps, cliCaller, text.value);
        for (const error of result.errors) console.error(`第 ${error.line} 行：${error.message}`);
        console.log(
          `已导入 ${result.imported} 条日历记录${result.years.length ? `，声明完整的年度：${result.years.join("、")}` : ""}`,
        );
        return result.errors.length > 0 ? 1 : 0;
      }
      case "audit": {
        const { positionals, values } = parseArgs({
          args: rest,
          options: { head: { type: "string" } },
          allowPositionals: true,
        });
        if (positionals[0] !== "verify" || positionals.length > 1) {
          console.error("用法：linxuan audit verify [--head <审计链头文件.json>]");
          return 1;
        }
        let head: AuditHeadFile | null = null;
        if (values.head !== undefined) {
          if (!fs.existsSync(values.head)) {
            console.error(`找不到审计链头文件：${values.head}`);
            return 1;
          }
          const parsed = parseAuditHeadFile(fs.readFileSync(values.head, "utf8"));
          if (!parsed.ok) {
            console.error(parsed.message);
            return 1;
          }
          head = parsed.head;
        }
        const { verifyWithHead } = await import("./features/audit/service");
        const { verificationLines } = await import("./features/audit/verify");
        const result = await verifyWithHead(deps, head);
        if (result.ok) {
          console.log(`审计链校验通过：共 ${result.checked} 条事件，未发现改动、插入或删除`);
          if (result.headCheck) console.log(result.headCheck.message);
          return 0;
        }
        const count = result.problems.length + result.omitted;
        console.error(
          count > 0
            ? `审计链校验未通过：共读取 ${result.checked} 条事件，发现 ${count} 处问题（时间为北京时间）：`
            : `审计链本身完整（共 ${result.checked} 条事件），但与链头文件不符：`,
        );
        for (const line of verificationLines(result)) console.error(`  - ${line}`);
        return 2;
      }
      case "backup": {
        const { values, positionals } = parseArgs({
          args: rest,
          options: { "include-key": { type: "boolean", default: false } },
          allowPositionals: true,
        });
        if (positionals.length !== 1 || !positionals[0]) {
          console.error("用法：linxuan backup <备份目录> [--include-key]");
          return 1;
        }
        const { createBackup } = await import("./ops/backup");
        const manifest = await createBackup(
          runtime,
          cliCaller,
          positionals[0],
          { includeKey: values["include-key"] },
          say,
        );
        console.log(`备份完成：${positionals[0]}（数据密钥指纹 ${manifest.dataKey.fingerprint}）`);
        if (!manifest.dataKey.included)
          console.log("备份中不含数据密钥：请另行保管 secret.key 或 LINXUAN_SECRET_KEY，恢复时需要它。");
        return 0;
      }
      case "key": {
        if (rest[0] !== "rotate" || rest.length > 1) {
          console.error("用法：linxuan key rotate");
          return 1;
        }
        const { rotateDataKey } = await import("./ops/key-rotate");
        await rotateDataKey(runtime, cliCaller, say);
        return 0;
      }
      default:
        console.error(`未知命令：${command}\n\n${usage}`);
        return 1;
    }
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
