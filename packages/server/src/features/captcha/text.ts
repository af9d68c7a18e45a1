import crypto from "node:crypto";
import { CAPTCHA_ALPHABET } from "./glyphs";

export const CAPTCHA_LENGTH = 4;

/**
 * Makes the text of a new challenge. Production draws it at random; tests and browser journeys
 * inject one that records what it made (see test/captcha.ts), keyed by the challenge id, so they
 * can answer like a person reading the picture. There is no switch to turn the captcha off.
 */
export type CaptchaText = (challengeId: string) => string;

export const randomCaptchaText: CaptchaText = () =>
  Array.from(
    { length: CAPTCHA_LENGTH },
    () => CAPTCHA_ALPHABET[crypto.randomInt(0, CAPTCHA_ALPHABET.length)],
  ).join("");
