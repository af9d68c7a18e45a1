/**
 * 评审承诺 (reviewPledge): what an expert accepts once per batch's review round before opening
 * the first assigned application. The text is versioned: a record names the version accepted, so
 * a later wording never re-dates an earlier acceptance.
 */
export const REVIEW_PLEDGE_VERSION = "2026-12";

export const REVIEW_PLEDGE_TITLE = "专家评审承诺";

/** The pledge's paragraphs, in order, as the expert reads them. */
export const reviewPledgeParagraphs: readonly string[] = [
  "本人受邀参加数字技术工程师培育项目培训机构和评价机构遴选的专家评议工作，郑重承诺：",
  "一、保守秘密。对评议中知悉的申报材料、个人信息、评分和评议意见严格保密，不复制、不外传、不向申报单位或他人透露，评议结束后不留存申报材料。",
  "二、客观公正。严格按照遴选通知和评分细则独立评分，实事求是地给出评分理由，不受任何单位和个人的影响，不打人情分。",
  "三、主动回避。本人与所评议的申报单位不存在任职、兼职、师资聘用、近三年合作或其他可能影响公正评议的利益关系；发现存在利益冲突的，立即申报回避，不参与该申报的评议。",
  "四、廉洁自律。不接受申报单位或其关联方的宴请、礼品、礼金及其他利益，不私下与申报单位接触。",
  "五、本人违反上述承诺的，自愿接受取消评议资格、移出专家库等处理，并承担相应责任。",
];
