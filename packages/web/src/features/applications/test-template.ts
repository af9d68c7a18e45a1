import type { FormTemplate } from "@linxuan/domain";

/**
 * A small form for the web's model tests: a scalar, a computed total of two parts, 申报等级, a
 * table with a computed column and a footer that sums it, each section with a title of its own.
 */
export const testTemplate: FormTemplate = {
  id: "web-test-v1",
  version: 1,
  title: "测试申报表",
  attachmentLabel: "附件",
  kind: "training",
  sections: [
    {
      key: "basic",
      title: "申报单位基本情况",
      printTitle: true,
      items: [
        {
          item: "field",
          field: { type: "text", key: "institutionName", label: "单位名称", required: true, maxLength: 60 },
        },
        {
          item: "group",
          key: "legalRepresentative",
          label: "法定代表人",
          perLine: 2,
          fields: [
            { type: "text", key: "legalName", label: "姓名", required: true, maxLength: 30 },
            { type: "idNumber", key: "legalIdNumber", label: "身份证号", required: true },
          ],
        },
        {
          item: "breakdown",
          total: {
            type: "integer",
            key: "teacherTotal",
            label: "师资团队总人数",
            required: false,
            min: 0,
            unit: "人",
            compute: { sum: ["fullTimeTeachers", "partTimeTeachers"] },
          },
          parts: [
            { type: "integer", key: "fullTimeTeachers", label: "专职", required: true, min: 0, unit: "人" },
            { type: "integer", key: "partTimeTeachers", label: "兼职", required: true, min: 0, unit: "人" },
          ],
        },
        {
          item: "field",
          field: { type: "levels", key: "levels", label: "申报等级", required: true, printHint: "（请打√）" },
        },
        { item: "field", field: { type: "consent", key: "consent", label: "承诺", required: true } },
      ],
    },
    {
      key: "scale",
      title: "培训规模",
      printTitle: true,
      items: [
        {
          item: "table",
          key: "trainings",
          label: "近三年培训情况",
          labelPlacement: "left",
          rows: { any: { min: 1 } },
          columns: [
            { type: "year", key: "year", label: "年度", required: true },
            { type: "integer", key: "independent", label: "独立培训", required: true, min: 0, unit: "人次" },
            { type: "integer", key: "cooperative", label: "合作培训", required: true, min: 0, unit: "人次" },
            {
              type: "integer",
              key: "total",
              label: "培训人数",
              required: false,
              min: 0,
              unit: "人次",
              compute: { sum: ["independent", "cooperative"] },
            },
          ],
          footer: [
            {
              type: "integer",
              key: "trainingScale",
              label: "培训总规模",
              required: false,
              min: 0,
              unit: "人次",
              compute: { sumColumn: { table: "trainings", column: "total" } },
            },
          ],
        },
      ],
    },
  ],
  notes: [],
  commitment: {
    title: "承诺书",
    text: "本单位承诺所填内容真实。",
    signatures: ["单位（盖章）"],
    dateLine: "年 月 日",
  },
};
