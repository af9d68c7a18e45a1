import { randomCaptchaText } from "../features/captcha/text";
import type { CaptchaText } from "../http/deps";

/**
 * A captcha text generator that remembers what it drew for each challenge id: tests and browser
 * journeys read the answer the way a person reads the picture. The texts are still random, so a
 * test cannot pass by guessing.
 */
export type CaptchaRecorder = { text: CaptchaText; answerOf: (challengeId: string) => string };

export function createCaptchaRecorder(): CaptchaRecorder {
  const answers = new Map<string, string>();
  return {
    text: (challengeId) => {
      const text = randomCaptchaText(challengeId);
      answers.set(challengeId, text);
      return text;
    },
    answerOf: (challengeId) => {
      const answer = answers.get(challengeId);
      if (!answer) throw new Error(`no captcha was drawn with id ${challengeId}`);
      return answer;
    },
  };
}
