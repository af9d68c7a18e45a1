import type { CaptchaChallenge } from "@linxuan/domain";
import { type CSSProperties, useCallback, useEffect, useRef, useState } from "react";
import { errorText } from "./form-errors";
import { api } from "./http";

/**
 * The server's captcha picture, one at a time: `draw` fetches a new one (换一张, or a new round
 * after a failed try), a later draw cancelling an earlier one, and hands it to `onChallenge`.
 * Shared by the antd captcha field and the lite one (no antd here).
 */
export function useCaptchaPicture(onChallenge: (next: CaptchaChallenge) => void) {
  const [challenge, setChallenge] = useState<CaptchaChallenge | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const pending = useRef<AbortController | null>(null);
  // The callback of the latest render, so that drawing does not depend on the form's renders.
  const latest = useRef(onChallenge);
  latest.current = onChallenge;

  const draw = useCallback(() => {
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setFailure(null);
    api
      .get<CaptchaChallenge>("/captcha", undefined, { signal: controller.signal })
      .then((next) => {
        setChallenge(next);
        latest.current(next);
      })
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setFailure(errorText(caught));
      });
  }, []);

  useEffect(() => () => pending.current?.abort(), []);
  return { challenge, failure, draw };
}

/** The picture the server drew, inline, with the id the answer goes with. */
export function CaptchaImage({ challenge, style }: { challenge: CaptchaChallenge; style?: CSSProperties }) {
  return (
    <img
      src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(challenge.svg)}`}
      width={160}
      height={56}
      alt="图形验证码"
      data-captcha-id={challenge.id}
      style={style}
    />
  );
}
