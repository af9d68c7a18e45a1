import { FilePdfOutlined, FileWordOutlined } from "@ant-design/icons";
import { App, Button, type ButtonProps, Space } from "antd";
import type { MouseEvent } from "react";
import { apiUrl } from "../../shared/http";

type Props = {
  applicationId: string;
  /** A submitted version; absent for the draft (printed with a 草稿 watermark). */
  version?: number;
  size?: ButtonProps["size"];
  /** Saves unsaved input first, so the document shows what is on screen; false when that failed. */
  beforeDownload?: () => Promise<boolean>;
};

/** 下载PDF申报表 / 下载Word申报表, of the draft or of a submitted version. */
export function DocumentButtons({ applicationId, version, size, beforeDownload }: Props) {
  const { message } = App.useApp();
  const url = (format: "pdf" | "docx") =>
    apiUrl(`/applications/${encodeURIComponent(applicationId)}/form.${format}`, { version });
  const onClick = (format: "pdf" | "docx") => async (event: MouseEvent<HTMLElement>) => {
    if (!beforeDownload) return;
    event.preventDefault();
    const ok = await beforeDownload();
    if (!ok) {
      message.warning("有修改尚未保存成功，请先处理页面上方的保存提示，再下载申报表");
      return;
    }
    const link = document.createElement("a");
    link.href = url(format);
    link.download = "";
    document.body.append(link);
    link.click();
    link.remove();
  };
  const suffix = version ? `（第${version}版）` : "";
  return (
    <Space size={8} wrap>
      <Button size={size} icon={<FilePdfOutlined />} href={url("pdf")} download onClick={onClick("pdf")}>
        下载PDF申报表{suffix}
      </Button>
      <Button size={size} icon={<FileWordOutlined />} href={url("docx")} download onClick={onClick("docx")}>
        下载Word申报表{suffix}
      </Button>
    </Space>
  );
}
