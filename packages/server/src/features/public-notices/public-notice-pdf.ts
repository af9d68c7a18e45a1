import {
  chinesePublicNoticePeriod,
  levelNamesText,
  type PublicNoticeView,
  shanghaiChineseDate,
} from "@linxuan/domain";
import { renderListPdf } from "../../documents/list-document";

/**
 * The notice (公示) as an official A4 document: the period in Chinese, the list with levels by
 * name and credit codes on one line, where objections go, and the 落款 — the issuing body and the
 * date it published the notice.
 */
export function renderPublicNoticePdf(publicNotice: PublicNoticeView): Promise<Buffer> {
  // A notice lists one kind (its title says which), and a training notice one region: columns
  // that would repeat the title are left out, so that names and occupations have room.
  const regional = publicNotice.regionCode !== null;
  const rows = publicNotice.items
    .filter((item) => item.status === "listed")
    .map((item, index) => [
      String(index + 1),
      item.institutionName,
      item.creditCode,
      item.occupationName,
      levelNamesText(item.levels),
      ...(regional ? [] : [item.regionName ?? ""]),
    ]);
  const paragraphs = [
    `现将拟纳入目录的机构名单予以公示，公示期为${publicNotice.workdays}个工作日。`,
    `公示期：${chinesePublicNoticePeriod(publicNotice)}。`,
    "公示期内，如对名单中的机构有异议，请实名通过平台或以书面形式提出，写明具体事实和理由，并提供联系方式和有关证明材料。匿名或无具体事实的异议不予受理。",
  ];
  if (publicNotice.demoShortenedAt)
    paragraphs.push(
      `【演示】本公示的公示期已于${shanghaiChineseDate(publicNotice.demoShortenedAt)}缩短结束，仅供熟悉流程，不具任何效力。`,
    );
  const contacts = [
    publicNotice.contactAddress && `联系地址：${publicNotice.contactAddress}`,
    publicNotice.contactPhone && `联系电话：${publicNotice.contactPhone}`,
    publicNotice.contactEmail && `电子邮箱：${publicNotice.contactEmail}`,
  ].filter((line): line is string => Boolean(line));
  return renderListPdf({
    title: publicNotice.title,
    paragraphs: [...paragraphs, ...contacts],
    columns: [
      { label: "序号", weight: 0, nowrap: true },
      { label: "机构名称", weight: 3 },
      { label: "统一社会信用代码", weight: 0, nowrap: true },
      { label: "职业", weight: 2.2 },
      { label: "专业技术等级", weight: 1.6 },
      ...(regional ? [] : [{ label: "地区", weight: 0, nowrap: true }]),
    ],
    groups: [{ heading: null, rows }],
    signature: publicNotice.issuingBody
      ? [publicNotice.issuingBody, shanghaiChineseDate(publicNotice.publishedAt)]
      : [shanghaiChineseDate(publicNotice.publishedAt)],
  });
}
