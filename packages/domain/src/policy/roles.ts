/** Every role an account can hold. One account holds one role. */
export const roleCodes = [
  "institution",
  "nationalOffice",
  "provincialOffice",
  "provincialRecommender",
  "industryRecommender",
  "receivingCentre",
  "expert",
  "admin",
] as const;
export type Role = (typeof roleCodes)[number];

export const roleNames: Record<Role, string> = {
  institution: "申报单位",
  nationalOffice: "工程指导协调小组办公室",
  provincialOffice: "省级人社部门（组织遴选）",
  provincialRecommender: "省级推荐单位",
  industryRecommender: "行业推荐单位",
  receivingCentre: "材料接收中心",
  expert: "评审专家",
  admin: "系统管理员",
};

/** Roles whose accounts only the administrator creates. */
export const staffRoles: readonly Role[] = roleCodes.filter((role) => role !== "institution");

/** Roles that must carry a region (GB/T 2260 province code). */
export const regionalRoles: readonly Role[] = [
  "provincialOffice",
  "provincialRecommender",
  "receivingCentre",
];

/** The acting user as the rules see it: role plus jurisdiction. */
export type Actor = {
  userId: string;
  role: Role;
  regionCode: string | null;
  industryScope: string | null;
  institutionId: string | null;
};
