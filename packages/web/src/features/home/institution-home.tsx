import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import { checkCreditCode, regionOfDivisionCode } from "@linxuan/domain";
import { Alert, Descriptions, Space, Tag } from "antd";
import type { PublicBatchSummary, User } from "../../app/api-types";
import { ButtonLink } from "../../shared/button-link";
import { errorText } from "../../shared/form-errors";
import { HomeCard } from "../../shared/home-card";
import { regionLabel } from "../../shared/labels";
import { ApplicationList } from "../applications/application-list";
import { usePublicBatches } from "../public/queries";
import { InstitutionCatalogCard } from "../supervision/institution-catalog-card";
import { BatchLinks, HomeHeading } from "./home-parts";

/** The registration authority's region, read from positions 3–8 of the credit code. */
function registeredRegion(creditCode: string): { code: string | null; text: string } {
  const result = checkCreditCode(creditCode);
  if (result.status === "invalid") return { code: null, text: "—" };
  const division = result.code.slice(2, 8);
  if (division === "100000") return { code: null, text: "中央（国家级登记）" };
  const region = regionOfDivisionCode(division);
  return region ? { code: region, text: regionLabel(region) } : { code: null, text: "—" };
}

export function InstitutionHome({ user }: { user: User }) {
  const batches = usePublicBatches();
  const institution = user.institution;
  const region = institution ? registeredRegion(institution.creditCode) : { code: null, text: "—" };
  const open = (batches.data ?? []).filter((batch) => batch.phase === "open");

  const fit = (batch: PublicBatchSummary) => {
    if (batch.scope.level !== "region") return null;
    if (region.code === batch.scope.regionCode) return <Tag color="green">本地区批次</Tag>;
    return <Tag color="orange">仅限{regionLabel(batch.scope.regionCode)}登记的单位</Tag>;
  };

  return (
    <>
      <HomeHeading title="申报单位工作台" subtitle={institution?.name ?? user.displayName} />
      <HomeCard
        title="我的申报"
        extra={
          <ButtonLink size="small" type="primary" icon={<PlusOutlined />} to="/workbench/applications/new">
            新建申报
          </ButtonLink>
        }
      >
        <ApplicationList />
      </HomeCard>
      <InstitutionCatalogCard />
      <HomeCard title="单位注册信息">
        {institution ? (
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              { key: "name", label: "单位名称", children: institution.name },
              { key: "code", label: "统一社会信用代码", children: <code>{institution.creditCode}</code> },
              { key: "region", label: "登记地（据信用代码）", children: region.text },
              { key: "username", label: "登录用户名", children: user.username },
              { key: "contact", label: "账号名称", children: user.displayName },
              { key: "role", label: "角色", children: user.roleName },
            ]}
          />
        ) : (
          <Alert type="warning" showIcon title="该账号未关联申报单位，请联系系统管理员" />
        )}
      </HomeCard>
      <HomeCard title="正在受理申报的遴选批次">
        {batches.isError ? (
          <Alert type="error" showIcon title={errorText(batches.error)} />
        ) : (
          <BatchLinks
            batches={open}
            empty={batches.isPending ? "正在加载…" : "当前没有正在受理网上申报的遴选批次"}
            extra={(batch) => (
              <Space direction="vertical" align="end">
                {fit(batch)}
                <ButtonLink
                  size="small"
                  type="primary"
                  icon={<PlusOutlined />}
                  to={`/workbench/applications/new?batchId=${encodeURIComponent(batch.id)}`}
                >
                  在此批次申报
                </ButtonLink>
                <ButtonLink size="small" icon={<DownloadOutlined />} to={`/notices/${batch.id}#forms`}>
                  查看通知和申报表
                </ButtonLink>
              </Space>
            )}
          />
        )}
      </HomeCard>
    </>
  );
}
