import { apiLogin } from "./e2e/support/workflow";
const platform = { baseUrl: "http://127.0.0.1:3300" } as any;
const office = await apiLogin(platform, "sh-office");
const { items } = (await office.get("/api/experts?q=赵磊")).body;
const e = items[0];
const r = await office.put(`/api/experts/${e.id}`, { profile: { name: e.name, employer: "上海理工数字技术学院", title: e.title, occupations: e.occupations, regionCode: e.regionCode, phone: "13910000007", email: e.email, active: true } });
console.log(r.status, JSON.stringify(r.body));
