import { apiLogin, batchIdOf, passFormalCheck, registerInstitution, submitApplication } from "./support/workflow";
const platform = { baseUrl: "http://127.0.0.1:3300" } as any;
const national = await batchIdOf(platform, /【演示】.*第二批/);
const shanghai = await batchIdOf(platform, /【演示】上海/);
console.log({ national, shanghai });
const names = ["上海云智数字技术培训有限公司", "上海浦江人工智能培训中心有限公司", "上海数联科技培训学校有限公司"];
for (const [i, name] of names.entries()) {
  const inst = await registerInstitution(platform, "310000", name);
  const app = await submitApplication(inst, { batchId: national, kind: "training", occupation: i === 2 ? "big_data" : "ai" });
  console.log("national", app.id, app.status);
}
const centre = await apiLogin(platform, "sh-centre");
const shNames = ["上海理工数字技术学院", "上海海事继续教育学院", "上海应用技术大学继续教育学院"];
for (const [i, name] of shNames.entries()) {
  const inst = await registerInstitution(platform, "310000", name);
  const app = await submitApplication(inst, { batchId: shanghai, kind: "training", occupation: "ai", applicantCategory: "university" });
  if (i < 2) await passFormalCheck(centre, app.id);
  console.log("shanghai", app.id, app.status);
}
