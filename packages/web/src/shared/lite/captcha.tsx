import { useEffect } from "react";
import { CaptchaImage, useCaptchaPicture } from "../captcha-picture";
import { LiteButton } from "./button";
import { LiteField, LiteInput } from "./field";
import "./captcha.css";
import "./lite.css";

/**
 * 图形验证码 for the forms drawn without antd (login, registration); antd forms keep
 * shared/captcha-field.tsx. The server draws and checks the picture; the form keeps the answer and
 * the picture's id (`onChallenge`) and sends both. Each picture gets one try, so the form passes a
 * new `round` after a failed submission to draw a new one (the box empties, the message stays).
 */
export function LiteCaptcha({
  round = 0,
  answer,
  error,
  onAnswer,
  onChallenge,
}: {
  round?: number;
  answer: string;
  error?: string | null;
  /** What the person typed. */
  onAnswer: (answer: string) => void;
  /** A new picture is shown: keep its id and empty the box (leaving any message under it). */
  onChallenge: (id: string) => void;
}) {
  const { challenge, failure, draw } = useCaptchaPicture((next) => onChallenge(next.id));

  // A new round starts a new picture: the old one has had its try.
  // biome-ignore lint/correctness/useExhaustiveDependencies: round is the trigger, not an input
  useEffect(() => {
    draw();
  }, [draw, round]);

  return (
    <LiteField
      label="验证码"
      required
      error={error}
      extra={
        <span className="lite-captcha">
          {challenge ? <CaptchaImage challenge={challenge} /> : <span className="lite-captcha-blank" />}
          <LiteButton variant="link" size="small" onClick={draw}>
            <span aria-hidden="true">↻</span>看不清，换一张
          </LiteButton>
          {failure && (
            <span role="alert" className="lite-field-error">
              {failure}
            </span>
          )}
        </span>
      }
    >
      {(control) => (
        <LiteInput
          {...control}
          className="lite-captcha-input"
          maxLength={8}
          autoComplete="off"
          spellCheck={false}
          placeholder="请输入图中的字符"
          value={answer}
          onChange={(event) => onAnswer(event.target.value)}
        />
      )}
    </LiteField>
  );
}
