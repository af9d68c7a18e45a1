import { emptyValues, type FormTemplate, type FormValues } from "@linxuan/domain";

/*
 * Realistic, invented application data for rendering samples and document tests. Names, codes and
 * numbers are fictitious; the credit code and ID number carry valid check characters.
 */

const profile =
  "本单位成立于2008年，是经市场监督管理部门登记的独立法人，长期从事信息技术领域专业技术人员继续教育和职业培训工作。现有正式员工186人，其中高级职称以上人员42人，" +
  "建有覆盖人工智能、大数据、云计算等方向的课程体系，与多所高等院校和龙头企业建立了稳定的合作关系。\n" +
  "单位先后被认定为国家级专业技术人员继续教育基地、市级高技能人才培养基地，参与了人工智能工程技术人员国家职业标准的研讨和教材编写工作，在行业内具有较高的知名度和认可度。" +
  "近五年累计培训各类专业技术人员超过1.2万人次，学员满意度保持在95%以上。";

const narrative = (topic: string) =>
  `围绕${topic}，本单位建立了较为完善的制度和工作机制。一是健全组织管理，成立专门工作小组，明确职责分工；二是加强过程管理，实行线上线下相结合的考勤和学习记录制度，` +
  "对培训质量进行全过程监控；三是注重结果评估，每期培训结束后开展学员满意度调查和培训效果评估，形成评估报告并持续改进。\n" +
  "下一步，本单位将进一步加大投入，完善实训条件和学习资源，提升师资队伍水平，确保培训工作规范、有序、高质量开展。相关制度文本和支撑材料另附。";

const scaleYears = [2021, 2022, 2023, 2024, 2025];

/** A filled form for `template` with every field answered. */
export function demoFormValues(template: FormTemplate): FormValues {
  const training = template.kind === "training";
  const shanghai = template.cover !== undefined;
  const institution = shanghai ? "上海数智工程职业技术学院" : "北京智联数字技术培训中心有限公司";
  const values: Record<string, unknown> = {
    ...emptyValues(template),
    occupation: "ai",
    levels: ["junior", "intermediate"],
    institutionName: institution,
    creditCode: shanghai ? "123100004250213763" : "91110108MA01C2D3EG",
    legalRepresentativeName: "王建国",
    legalRepresentativeIdNumber: "310104197805123012",
    address: shanghai ? "上海市徐汇区漕宝路1500号" : "北京市海淀区中关村大街27号中关村大厦12层",
    unitType: shanghai ? "public_institution" : "enterprise",
    industry: "65",
    registeredCapital: 5000,
    employeeCount: 186,
    foundedOn: "2008-05-12",
    taxRecords: [
      { year: 2023, taxAmount: 312.46, dishonest: false },
      { year: 2024, taxAmount: 356.8, dishonest: false },
      { year: 2025, taxAmount: 401.15, dishonest: false },
    ],
    nationalContinuingEducationBase: true,
    industryContinuingEducationBase: false,
    provincialContinuingEducationBase: true,
    occupationStandardDeveloper: false,
    leadName: "李明",
    leadPhone: "13801234567",
    leadPosition: "副院长",
    leadEmail: "liming@example.org.cn",
    contactName: "张晓燕",
    contactPhone: "010-62345678",
    contactPosition: "培训部主任",
    contactEmail: "zhangxy@example.org.cn",
    institutionProfile: profile,
    facilities: [
      {
        address: shanghai ? "上海市徐汇区漕宝路1500号实训楼" : "北京市海淀区中关村大街27号12层",
        area: 1200,
        capacity: 300,
        equipmentSets: 260,
        equipmentValue: 860.5,
      },
      {
        address: shanghai ? "上海市闵行区剑川路951号5号楼" : "北京市昌平区回龙观东大街338号实训楼",
        area: 2600,
        capacity: 500,
        equipmentSets: 420,
        equipmentValue: 1530,
      },
    ],
    onlinePlatform:
      "本单位自建“智联学习”在线培训平台（https://learning.example.org.cn），支持直播授课、录播点播、在线考试和学习档案管理，可同时支持5000人在线学习。",
    commitmentAccepted: true,
  };
  if (training) {
    Object.assign(values, {
      trainingScale: scaleYears.map((year, index) => ({
        year,
        trainees: null,
        independent: 1600 + index * 250,
        cooperative: 500 + index * 80,
      })),
      fullTimeTeacherCount: 2,
      partTimeTeacherCount: 2,
      teachers: [
        ["陈志强", "清华大学计算机科学与技术系", "教授", "人工智能", "partTime", "13911112222"],
        ["刘芳", `${institution}教学部`, "高级工程师", "机器学习", "fullTime", "13822223333"],
        ["赵磊", "中国科学院自动化研究所", "研究员", "模式识别", "partTime", "13733334444"],
        ["孙丽娜", `${institution}教学部`, "工程师", "数据科学", "fullTime", "13644445555"],
      ].map(([name, employer, title, specialty, teacherType, phone]) => ({
        name,
        employer,
        title,
        specialty,
        teacherType,
        phone,
      })),
      trainingHistory: narrative("人工智能工程技术人员培训"),
      teacherDevelopment: narrative("师资队伍建设"),
      plannedTraineesJunior: 1500,
      plannedTraineesIntermediate: 800,
      plannedTraineesSenior: 0,
      trainingFeeJunior: 45,
      trainingFeeIntermediate: 60,
      trainingFeeSenior: 80,
      trainingPlan: `${narrative("下一步培训工作")}\n${narrative("质量管控和培训费用测算")}`,
    });
  } else {
    Object.assign(values, {
      evaluationConducted: true,
      certificateIssued: true,
      evaluationScale: scaleYears.map((year, index) => ({
        year,
        certificateName: index % 2 === 0 ? "人工智能应用工程师（行业证书）" : "数据分析师",
        certificateNature: index % 2 === 0 ? "own" : "other",
        certificateCount: 2100 + index * 150,
      })),
      certificateCategories: ["industry", "enterprise"],
      assessmentTeamCount: 76,
      assessorCount: 64,
      supervisorCount: 12,
      questionSetters: [
        ["周文斌", "北京航空航天大学人工智能研究院", "教授", "13511112222"],
        ["吴静", "中国电子技术标准化研究院", "正高级工程师", "13522223333"],
        ["郑海", "百度在线网络技术（北京）有限公司", "高级工程师", "13533334444"],
      ].map(([name, employer, title, phone]) => ({ name, employer, title, phone })),
      evaluationHistory: narrative("考核评价工作"),
      assessmentTeamDevelopment: narrative("考评团队建设"),
      plannedAssesseesJunior: 2000,
      plannedAssesseesIntermediate: 1000,
      plannedAssesseesSenior: 300,
      assessmentFeeJunior: 400,
      assessmentFeeIntermediate: 600,
      assessmentFeeSenior: 900,
      evaluationPlan: `${narrative("下一步考核评价工作")}\n${narrative("题库建设和考核站点建设")}`,
    });
  }
  return values as FormValues;
}
