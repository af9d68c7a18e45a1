import { type Role, regionName, roleNames } from "@linxuan/domain";
import type { Row } from "../../db/types";

export type UserView = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleName: string;
  regionCode: string | null;
  regionName: string | null;
  industryScope: string | null;
  institution: { id: string; name: string; creditCode: string } | null;
  mustChangePassword: boolean;
};

export function toUserView(
  user: Row<"users">,
  institution: Row<"institutions"> | undefined | null,
): UserView {
  const role = user.role;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role,
    roleName: roleNames[role] ?? user.role,
    regionCode: user.regionCode,
    regionName: user.regionCode ? (regionName(user.regionCode) ?? null) : null,
    industryScope: user.industryScope,
    institution: institution
      ? { id: institution.id, name: institution.name, creditCode: institution.creditCode }
      : null,
    mustChangePassword: user.mustChangePassword === 1,
  };
}
