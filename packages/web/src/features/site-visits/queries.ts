import type { SiteVisitEnvelope } from "@linxuan/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, postMultipart } from "../../shared/http";

const path = (applicationId: string) => `/applications/${encodeURIComponent(applicationId)}/site-visit`;
export const siteVisitKey = (applicationId: string) => ["site-visit", applicationId] as const;

/** The application's 考察 record and whether the reader may act on it. */
export function useSiteVisit(applicationId: string) {
  return useQuery({
    queryKey: siteVisitKey(applicationId),
    queryFn: () => api.get<SiteVisitEnvelope>(path(applicationId)),
    staleTime: 0,
  });
}

type Step =
  | { step: "plan"; body: { plan: string; team: { name: string; unit: string }[]; visitDate: string } }
  | { step: "findings"; body: { findings: string } }
  | { step: "conclusion"; body: { conclusion: string; conclusionText: string } }
  | { step: "attach"; file: File };

/** One step of the visit; the answer is the visit as it now stands. Rankings show its conclusion. */
export function useSiteVisitStep(applicationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Step) => {
      if (input.step === "attach") {
        const form = new FormData();
        form.append("file", input.file);
        return postMultipart<SiteVisitEnvelope>(`${path(applicationId)}/attachments`, form);
      }
      if (input.step === "conclusion")
        return api.post<SiteVisitEnvelope>(`${path(applicationId)}/conclusion`, input.body);
      return api.put<SiteVisitEnvelope>(`${path(applicationId)}/${input.step}`, input.body);
    },
    onSuccess: (answer) => client.setQueryData(siteVisitKey(applicationId), answer),
    onSettled: () => client.invalidateQueries({ queryKey: ["review"] }),
  });
}

export const siteVisitFileUrl = (applicationId: string, attachmentId: string) =>
  `${path(applicationId)}/attachments/${encodeURIComponent(attachmentId)}`;
