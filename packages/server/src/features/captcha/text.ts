import crypto from "node:crypto";
import type { CaptchaText } from "../../http/deps";
import { CAPTCHA_ALPHABET } from "./glyphs";

export const CAPTCHA_LENGTH = 4;

/** A new challenge's text drawn at random from the unambiguous alphabet (production). */
export const randomCaptchaText: CaptchaText = () =>
  Array.from(
    { length: CAPTCHA_LENGTH },
    () => CAPTCHA_ALPHABET[crypto.randomInt(0, CAPTCHA_ALPHABET.length)],
  ).join("");
