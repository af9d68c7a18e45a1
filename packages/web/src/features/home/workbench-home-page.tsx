import { useSession } from "../../app/session";
import { AdminHome } from "./admin-home";
import { ExpertHome } from "./expert-home";
import { InstitutionHome } from "./institution-home";
import { JurisdictionHome } from "./jurisdiction-home";
import { OfficeHome } from "./office-home";

/** /workbench: each role lands on what it can do now. */
export function WorkbenchHomePage() {
  const { data: user } = useSession();
  if (!user) return null;
  switch (user.role) {
    case "nationalOffice":
    case "provincialOffice":
      return <OfficeHome user={user} />;
    case "provincialRecommender":
    case "industryRecommender":
    case "receivingCentre":
      return <JurisdictionHome user={user} role={user.role} />;
    case "institution":
      return <InstitutionHome user={user} />;
    case "expert":
      return <ExpertHome user={user} />;
    case "admin":
      return <AdminHome user={user} />;
  }
}
