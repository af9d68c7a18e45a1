import { type ComponentProps, lazy, type RefObject, Suspense, useEffect, useRef, useState } from "react";
import { LiteButton } from "../../shared/lite/button";
import { LiteLoading } from "../../shared/lite/display";
import type { ObjectionForm } from "./objection-form";
import { endText } from "./public-notice-period";
import type { PublicNotice } from "./types";

type FormProps = ComponentProps<typeof ObjectionForm>;

/*
 * The objection form (captcha, evidence upload) is drawn with antd, which the public notice page
 * itself does not load: most visitors only read the list (issue 17, point 4). Form and antd come
 * when the visitor asks for the form, or a moment before when the pointer reaches the button.
 */
const loadForm = () => Promise.all([import("./objection-form"), import("../../app/antd-root")]);

const ObjectionFormInAntd = lazy(async () => {
  const [{ ObjectionForm: Form }, { AntdRoot }] = await loadForm();
  return {
    default: (props: FormProps) => (
      <AntdRoot>
        <Form {...props} />
      </AntdRoot>
    ),
  };
});

/** Takes the keyboard to the form once it has arrived (it replaces the button that had it). */
function FocusOnArrival({ target }: { target: RefObject<HTMLDivElement | null> }) {
  useEffect(() => target.current?.focus(), [target]);
  return null;
}

function ObjectionGuide({ publicNotice }: { publicNotice: PublicNotice }) {
  return (
    <aside aria-labelledby="objection-guide" className="lx-objection-guide">
      <h3 id="objection-guide">异议须知</h3>
      <ol className="lx-steps">
        <li>
          <strong>公示期内提出</strong>
          <span className="lx-muted">截止{endText(publicNotice)}，逾期不予受理。</span>
        </li>
        <li>
          <strong>实名并写明事实</strong>
          <span className="lx-muted">
            如实填写姓名和联系方式，写明具体事实和理由，提供证明材料。匿名或无具体事实的异议不予受理。
          </span>
        </li>
        <li>
          <strong>记下受理编号</strong>
          <span className="lx-muted">凭受理编号和联系电话，在“异议办理查询”中查看办理进度和处理意见。</span>
        </li>
        <li>
          <strong>调查核实</strong>
          <span className="lx-muted">异议经核实成立的，该机构移出公示名单，不纳入目录。</span>
        </li>
      </ol>
      <p className="lx-muted lx-objection-privacy">您的个人信息仅用于核实异议，不会公开。</p>
    </aside>
  );
}

/** While the notice is open: the guide, and the form behind a 提出异议 button. */
export function ObjectionPanel({
  publicNotice,
  onWindowClosed,
}: {
  publicNotice: PublicNotice;
  onWindowClosed: () => void;
}) {
  const [asked, setAsked] = useState(false);
  const formBox = useRef<HTMLDivElement>(null);
  const preload = () => void loadForm().catch(() => undefined);
  return (
    <div className="lx-objection">
      <div className="lx-objection-form" ref={formBox} tabIndex={-1}>
        {asked ? (
          <Suspense fallback={<LiteLoading text="正在打开异议表…" />}>
            <ObjectionFormInAntd
              publicNoticeId={publicNotice.id}
              items={publicNotice.items}
              onWindowClosed={onWindowClosed}
            />
            <FocusOnArrival target={formBox} />
          </Suspense>
        ) : (
          <>
            <p className="lx-objection-intro">
              公示期内，任何单位和个人对名单中的机构有异议的，可在本页实名提出，写明具体事实和理由，并可上传证明材料。
            </p>
            <LiteButton
              variant="primary"
              size="large"
              onClick={() => setAsked(true)}
              onPointerEnter={preload}
              onFocus={preload}
            >
              提出异议
            </LiteButton>
          </>
        )}
      </div>
      <ObjectionGuide publicNotice={publicNotice} />
    </div>
  );
}
