import { type ComponentType, lazy, Suspense, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { LiteButton } from "../../shared/lite/button";
import { LiteCard, LiteLoading } from "../../shared/lite/display";
import { ComplaintGuide } from "./complaint-guide";
import "./catalog.css";

/**
 * The complaint form is drawn with antd (its upload and captcha fields are the workbench's too):
 * it and antd's providers load only when a visitor asks to report, so opening an entry stays light.
 */
const ComplaintForm = lazy(async () => {
  const [{ ComplaintForm: Form }, { AntdRoot }] = await Promise.all([
    import("./complaint-form"),
    import("../../app/antd-root"),
  ]);
  const WithAntd: ComponentType<{ entryId: string }> = ({ entryId }) => {
    // The button that opened the form is gone: the keyboard and the screen reader go to the form.
    const box = useRef<HTMLElement>(null);
    useEffect(() => box.current?.focus(), []);
    return (
      <section ref={box} tabIndex={-1} aria-label="投诉举报表" className="lx-complaint-form">
        <AntdRoot>
          <Form entryId={entryId} />
        </AntdRoot>
      </section>
    );
  };
  return { default: WithAntd };
});

/** 投诉举报 on an entry's page: what to know, and the form once asked for. */
export function ComplaintSection({ entryId }: { entryId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <section id="complaint" className="lx-no-print">
      <LiteCard
        title="投诉举报"
        extra={
          <Link className="lx-catalog-link" to="/complaint-status">
            投诉举报办理查询 ›
          </Link>
        }
      >
        <div className="lx-catalog-complaint">
          <div>
            {open ? (
              <Suspense fallback={<LiteLoading text="正在打开投诉举报表…" />}>
                <ComplaintForm entryId={entryId} />
              </Suspense>
            ) : (
              <>
                <p className="lx-catalog-intro">
                  发现该机构违规开展培训、乱收费、弄虚作假等问题的，可以实名投诉举报。提交后凭受理编号查询办理进度和结果。
                </p>
                <LiteButton variant="primary" size="large" onClick={() => setOpen(true)}>
                  我要投诉举报
                </LiteButton>
              </>
            )}
          </div>
          <ComplaintGuide />
        </div>
      </LiteCard>
    </section>
  );
}
