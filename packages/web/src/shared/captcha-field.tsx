import { ReloadOutlined } from "@ant-design/icons";
import { Button, Form, Input } from "antd";
import { useEffect } from "react";
import { CaptchaImage, useCaptchaPicture } from "./captcha-picture";

/** The form fields a captcha adds (sent with the form's own). */
export type CaptchaValues = { captchaId?: string; captchaAnswer?: string };

/**
 * 图形验证码: the server's picture (drawn and answered there), the box for what it shows, and
 * 看不清，换一张. Keeps the form's hidden `captchaId` in step with the picture. Each picture gets
 * one try, so the form passes a new `round` after a failed submission to show a new one.
 */
export function CaptchaField({ round = 0 }: { round?: number }) {
  return (
    <>
      <Form.Item name="captchaId" hidden>
        <Input />
      </Form.Item>
      <Form.Item
        name="captchaAnswer"
        label="验证码"
        rules={[{ required: true, whitespace: true, message: "请输入图中的字符" }]}
        // A new round starts a new picture: the old one has had its try.
        extra={<CaptchaPicture key={round} />}
      >
        <Input
          maxLength={8}
          autoComplete="off"
          spellCheck={false}
          placeholder="请输入图中的字符"
          style={{ maxWidth: 220, textTransform: "uppercase", letterSpacing: 2 }}
        />
      </Form.Item>
    </>
  );
}

/** One picture at a time: drawn when shown and on 换一张, a later draw cancelling an earlier one. */
function CaptchaPicture() {
  const form = Form.useFormInstance<CaptchaValues>();
  // The new picture empties the box but keeps the server's message under it ("验证码错误…"),
  // which setting the value alone would clear.
  const { challenge, failure, draw } = useCaptchaPicture((next) =>
    form.setFields([
      { name: "captchaId", value: next.id },
      { name: "captchaAnswer", value: "", errors: form.getFieldError("captchaAnswer") },
    ]),
  );

  useEffect(() => {
    draw();
  }, [draw]);

  return (
    <div style={{ display: "flex", alignItems: "center", gap: 8, marginTop: 8, flexWrap: "wrap" }}>
      {challenge ? (
        <CaptchaImage challenge={challenge} style={{ border: "1px solid #e5e6eb", borderRadius: 4 }} />
      ) : (
        <span style={{ width: 160, height: 56, display: "inline-block", background: "#f2f3f5" }} />
      )}
      <Button type="link" size="small" icon={<ReloadOutlined aria-hidden />} onClick={draw}>
        看不清，换一张
      </Button>
      {failure && (
        <span role="alert" style={{ color: "#cb2634" }}>
          {failure}
        </span>
      )}
    </div>
  );
}
