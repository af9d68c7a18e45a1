import { PaperClipOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import { apiUrl } from "../../shared/http";
import { formatSize } from "../applications/attachments-card";
import type { EvidenceFile } from "../public-notices/types";

/** Where an objection's or complaint's evidence file downloads (offices only, by its SHA-256). */
export const evidenceUrl = (sha256: string): string => apiUrl(`/evidence/${encodeURIComponent(sha256)}`);

/** 证明材料: each file a real download link, or “未提供”. */
export function EvidenceLinks({ files }: { files: readonly EvidenceFile[] }) {
  if (files.length === 0) return <>未提供</>;
  return (
    <>
      {files.map((file) => (
        <Tag key={file.sha256} icon={<PaperClipOutlined />} title={`SHA-256 ${file.sha256}`}>
          <a href={evidenceUrl(file.sha256)} download={file.fileName}>
            {file.fileName}
          </a>
          （{formatSize(file.size)}）
        </Tag>
      ))}
    </>
  );
}
