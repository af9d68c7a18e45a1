import { FilePdfOutlined, FileWordOutlined } from "@ant-design/icons";
import { kindName, occupationName, regionName } from "@linxuan/domain";
import { Alert, App, Button, Card, Empty, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { formatInstant } from "../../shared/dates";
import { errorText } from "../../shared/form-errors";
import { apiUrl } from "../../shared/http";
import { useCompleteReview, useOpenScores, useProgress, useRanking, useRound } from "./queries";
import { RankingTable } from "./ranking-table";
import type { Ranking, RankingGroup } from "./types";
import "./review.css";

export function groupTitle(group: RankingGroup): string {
  const region = group.regionCode ? `·${regionName(group.regionCode) ?? group.regionCode}` : "";
  return `${kindName(group.kind)}·${occupationName(group.occupation)}${region}`;
}

/** 公开评分 → 排名 per occupation (and region) with the quota line → 完成评议 → 审定, and the opinion document. */
export function RankingPanel({ batchId }: { batchId: string }) {
  const ranking = useRanking(batchId);
  const round = useRound(batchId);
  const progress = useProgress(batchId);
  const open = useOpenScores(batchId);
  const complete = useCompleteReview(batchId);
  const { message, modal } = App.useApp();
  const [result, setResult] = useState<string | null>(null);
  const data = ranking.data;

  const confirmOpen = () =>
    modal.confirm({
      title: "公开专家评分？",
      content: "公开后，办公室可以看到汇总评分和排名，专家可以看到同一申报其他专家的总分。",
      okText: "公开评分",
      cancelText: "取消",
      onOk: () =>
        open
          .mutateAsync()
          .then(() => message.success("已公开专家评分"))
          .catch((error: unknown) => message.error(errorText(error))),
    });

  const confirmComplete = () =>
    modal.confirm({
      title: "完成评议？",
      content:
        "全部专家均已提交评分的申报将转为“评议完成”，之后即可审定；尚有专家未提交的申报保持“专家评议中”。",
      okText: "完成评议",
      cancelText: "取消",
      onOk: () =>
        complete
          .mutateAsync()
          .then((outcome) =>
            setResult(
              `已完成评议 ${outcome.completed} 份申报${outcome.stillUnderReview > 0 ? `；仍有 ${outcome.stillUnderReview} 份有专家未提交评分` : ""}。`,
            ),
          )
          .catch((error: unknown) => message.error(errorText(error))),
    });

  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }}>
      <Card size="small">
        <Space wrap size={12}>
          {round.data?.scoresOpenedAt ? (
            <Tag color="green">已于{formatInstant(round.data.scoresOpenedAt)}公开评分</Tag>
          ) : (
            <Button type="primary" loading={open.isPending} onClick={confirmOpen}>
              公开评分
            </Button>
          )}
          <Button loading={complete.isPending} disabled={!data?.scoresOpened} onClick={confirmComplete}>
            完成评议
          </Button>
          <Button
            icon={<FilePdfOutlined />}
            disabled={!data?.scoresOpened}
            href={apiUrl(`/review/${encodeURIComponent(batchId)}/opinion.pdf`)}
            download
          >
            下载评议结果意见（PDF）
          </Button>
          <Button
            icon={<FileWordOutlined />}
            disabled={!data?.scoresOpened}
            href={apiUrl(`/review/${encodeURIComponent(batchId)}/opinion.docx`)}
            download
          >
            下载评议结果意见（Word）
          </Button>
          {data && data.pending > 0 && (
            <Typography.Text type="warning">还有 {data.pending} 份申报有专家未提交评分</Typography.Text>
          )}
        </Space>
        {result && <Alert type="success" showIcon style={{ marginTop: 12 }} title={result} />}
      </Card>
      {ranking.isError && <Alert type="error" showIcon title={errorText(ranking.error)} />}
      <ShortfallAlert ranking={data} />
      {data && !data.scoresOpened && (
        <Card>
          <Empty description="专家评分公开前不显示汇总评分和排名。专家全部提交后，请先“公开评分”。" />
        </Card>
      )}
      {data?.scoresOpened && data.groups.length === 0 && (
        <Card>
          <Empty description="本批次还没有进入专家评议的申报" />
        </Card>
      )}
      {data?.groups.map((group) => (
        <Card
          key={`${group.kind}-${group.occupation}-${group.regionCode ?? ""}`}
          size="small"
          title={`${groupTitle(group)}（名额 ${group.quota} 家）`}
          extra={
            <Typography.Text type="secondary">
              按去极值平均分排序；红色虚线以上为名额之内 · 离散阈值 {data.dispersionThreshold} 分
            </Typography.Text>
          }
        >
          <RankingTable batchId={batchId} group={group} assignments={progress.data?.assignments ?? []} />
        </Card>
      ))}
    </Space>
  );
}

/** A missing expert is never silent: every application short of the round's number, named. */
function ShortfallAlert({ ranking }: { ranking: Ranking | undefined }) {
  const short = ranking?.shortfalls ?? [];
  if (short.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={`${short.length} 份申报评议专家不足（每份应 ${ranking?.expertsRequired ?? 0} 名）`}
      description={short.map((item) => (
        <div key={item.applicationId}>
          {item.institutionName}：实有 {item.expertsAssigned} 名，缺 {item.shortfall} 名
          {item.shortfallReason ? `（缺额审定说明：${item.shortfallReason}）` : "，审定时须说明理由"}
        </div>
      ))}
    />
  );
}
