import { shanghaiDate } from "@linxuan/domain";
import { signedInStaff, submitCompleteApplication, unique } from "./factories";
import type { TestClient, TestContext } from "./harness";

/*
 * Factories for the stages between submission and decision, through the API as the receiving
 * centre, the provincial office and the experts do them.
 */

/**
 * `count` Shanghai training applications submitted, received on paper (一式2份) by the receiving
 * centre and passed in its formal check: ready for expert review. In submission order.
 */
export async function formallyCheckedApplications(
  ctx: TestContext,
  options: { batchId: string; occupation: string; count: number },
) {
  const { client: centre } = await signedInStaff(ctx, "receivingCentre", { regionCode: "310000" });
  const today = shanghaiDate(new Date());
  const apps: { id: string; creditCode: string; name: string; client: TestClient }[] = [];
  for (let i = 0; i < options.count; i++) {
    const submitted = await submitCompleteApplication(ctx, {
      batchId: options.batchId,
      kind: "training",
      occupation: options.occupation,
    });
    const id = submitted.application.id;
    const receipt = await centre.post(`/api/applications/${id}/paper-receipt`, {
      copies: 2,
      receivedOn: today,
    });
    if (receipt.status !== 200) throw new Error(`paper receipt failed: ${JSON.stringify(receipt.body)}`);
    const checked = await centre.post(`/api/applications/${id}/formal-check`);
    if (checked.status !== 200) throw new Error(`formal check failed: ${JSON.stringify(checked.body)}`);
    apps.push({ id, creditCode: submitted.creditCode, name: submitted.name, client: submitted.client });
  }
  return apps;
}

export type ExpertProfile = {
  name: string;
  employer: string;
  regionCode: string;
  employerCreditCode?: string;
  occupations?: string[];
};

export type PoolExpert = { id: string; username: string; initialPassword: string; client: TestClient };

/**
 * Experts added to the pool by `office` through the API (reviewing 人工智能 and 大数据 unless the
 * profile says otherwise), each signed in after changing its initial password.
 */
export async function expertPool(
  ctx: TestContext,
  office: TestClient,
  profiles: ExpertProfile[],
): Promise<PoolExpert[]> {
  const experts: PoolExpert[] = [];
  for (const [index, profile] of profiles.entries()) {
    const created = await office.post("/api/experts", {
      username: `rx-${unique()}`,
      profile: {
        title: "教授",
        occupations: ["ai", "big_data"],
        phone: `1391111000${index % 10}`,
        email: `rx-${unique()}@example.edu.cn`,
        active: true,
        ...profile,
      },
    });
    if (created.status !== 201) throw new Error(`expert failed: ${JSON.stringify(created.body)}`);
    const client = ctx.client();
    await client.login(created.body.username, created.body.initialPassword);
    const changed = await client.post("/api/auth/password", {
      currentPassword: created.body.initialPassword,
      newPassword: "Expert-Pass-2027",
    });
    if (changed.status !== 200) throw new Error(`password change failed: ${JSON.stringify(changed.body)}`);
    experts.push({ ...created.body, client });
  }
  return experts;
}

/**
 * The office saves the batch's review round (scores due in a week unless `dueAt` says otherwise)
 * and applies the assignment its preview proposes, as when it confirms the preview. Returns the
 * applied pairs.
 */
export async function assignedReview(
  office: TestClient,
  batchId: string,
  round: { perApplication: number; maxLoad: number; dueAt?: string },
): Promise<{ applicationId: string; expertId: string }[]> {
  const settings = await office.get(`/api/review/${batchId}/settings`);
  const saved = await office.put(`/api/review/${batchId}/settings`, {
    ...settings.body.round,
    perApplication: round.perApplication,
    maxLoad: round.maxLoad,
    dueAt: round.dueAt ?? new Date(Date.now() + 7 * 86_400_000).toISOString(),
    closesAt: new Date(Date.now() + 10 * 86_400_000).toISOString(),
  });
  if (saved.status !== 200) throw new Error(`settings failed: ${JSON.stringify(saved.body)}`);
  const preview = await office.post(`/api/review/${batchId}/assignments/preview`);
  if (preview.status !== 200) throw new Error(`preview failed: ${JSON.stringify(preview.body)}`);
  const assignments = (preview.body.assignments as { applicationId: string; expertId: string }[]).map(
    ({ applicationId, expertId }) => ({ applicationId, expertId }),
  );
  const applied = await office.post(`/api/review/${batchId}/assignments`, { assignments, source: "auto" });
  if (applied.status !== 200) throw new Error(`assignment failed: ${JSON.stringify(applied.body)}`);
  return assignments;
}

/**
 * The expert accepts the 评审承诺 of every batch it has assignments in (once per batch is enough;
 * accepting again changes nothing), as it does before opening its first assignment.
 */
export async function acceptPledges(expert: TestClient): Promise<void> {
  const list = await expert.get("/api/expert/assignments");
  for (const item of list.body.items as { id: string }[]) {
    const accepted = await expert.post(`/api/expert/assignments/${item.id}/pledge`, { accept: true });
    if (accepted.status !== 200) throw new Error(`pledge failed: ${JSON.stringify(accepted.body)}`);
  }
}
