import { apiLogin, expectStatus } from "./e2e/support/workflow";
const platform = { baseUrl: "http://127.0.0.1:3300" } as any;
const office = await apiLogin(platform, "sh-office");
const batchId = "76b16955-2a62-41bf-ae1a-39e3a35da0c7";
const preview = expectStatus(await office.post(`/api/review/${batchId}/assignments/preview`), 200, "p");
console.log(expectStatus(await office.post(`/api/review/${batchId}/assignments`, { assignments: preview.assignments.map((a: any) => ({ applicationId: a.applicationId, expertId: a.expertId })), source: "auto" }), 200, "a"));
const expert = await apiLogin(platform, "expert07");
console.log(JSON.stringify((await expert.get("/api/expert/assignments")).body));
