import crypto from "node:crypto";
import { GLYPHS, type Point } from "./glyphs";

export const CAPTCHA_WIDTH = 160;
export const CAPTCHA_HEIGHT = 56;

const INK = ["#1d2b53", "#7a1f1f", "#1f5c3a", "#4b2a7a", "#2d3a4a", "#8a4b08", "#0f4c81"];

const random = (min: number, max: number) => min + (crypto.randomInt(0, 1_000_000) / 1_000_000) * (max - min);
const pick = <T>(items: readonly T[]): T => items[crypto.randomInt(0, items.length)] as T;
const fixed = (value: number) => value.toFixed(1);

/** Splits every segment in three, so the wave below bends strokes instead of only moving corners. */
function subdivide(points: Point[]): Point[] {
  const out: Point[] = [];
  points.forEach((point, index) => {
    const next = points[index + 1];
    out.push(point);
    if (!next) return;
    for (const t of [1 / 3, 2 / 3]) {
      out.push({ x: point.x + (next.x - point.x) * t, y: point.y + (next.y - point.y) * t });
    }
  });
  return out;
}

function polyline(points: Point[]): string {
  return points
    .map((point, index) => `${index === 0 ? "M" : "L"}${fixed(point.x)} ${fixed(point.y)}`)
    .join("");
}

/**
 * Draws the text as distorted strokes: each character scaled, rotated, sheared and jittered on
 * its own, the whole picture bent by a sine wave, with crossing curves, short decoy strokes and
 * dots in the same inks on top. Elements are shuffled, so the markup's order is not the reading
 * order. Nothing in the SVG names a character.
 */
export function renderCaptchaSvg(text: string): string {
  const wave = {
    amplitudeY: random(2, 4),
    frequencyY: random(0.04, 0.08),
    phaseY: random(0, Math.PI * 2),
    amplitudeX: random(1, 2.5),
    frequencyX: random(0.08, 0.15),
    phaseX: random(0, Math.PI * 2),
  };
  const bend = (point: Point): Point => ({
    x: point.x + wave.amplitudeX * Math.sin(point.y * wave.frequencyX + wave.phaseX),
    y: point.y + wave.amplitudeY * Math.sin(point.x * wave.frequencyY + wave.phaseY),
  });
  const elements: string[] = [];
  const slot = (CAPTCHA_WIDTH - 24) / text.length;
  [...text].forEach((char, index) => {
    const strokes = GLYPHS.get(char);
    if (!strokes) throw new Error(`验证码字符不在字表中：${char}`);
    const scale = random(28, 36) / 14;
    const angle = random(-0.45, 0.45);
    const shear = random(-0.3, 0.3);
    const centre = {
      x: 12 + slot * (index + 0.5) + random(-4, 4),
      y: CAPTCHA_HEIGHT / 2 + random(-4, 4),
    };
    const ink = pick(INK);
    const width = fixed(random(2.2, 3.2));
    for (const stroke of strokes) {
      const placed = stroke.map((point) => {
        const x = (point.x - 5 + random(-0.5, 0.5)) * scale;
        const y = (point.y - 7 + random(-0.5, 0.5)) * scale;
        const sheared = x + shear * y;
        return {
          x: centre.x + sheared * Math.cos(angle) - y * Math.sin(angle),
          y: centre.y + sheared * Math.sin(angle) + y * Math.cos(angle),
        };
      });
      elements.push(
        `<path d="${polyline(subdivide(placed).map(bend))}" fill="none" stroke="${ink}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"/>`,
      );
    }
  });
  for (let i = 0; i < 3; i++) {
    const from = { x: random(-10, 20), y: random(5, CAPTCHA_HEIGHT - 5) };
    const to = { x: random(CAPTCHA_WIDTH - 20, CAPTCHA_WIDTH + 10), y: random(5, CAPTCHA_HEIGHT - 5) };
    const c1 = { x: random(30, 80), y: random(-20, CAPTCHA_HEIGHT + 20) };
    const c2 = { x: random(80, 130), y: random(-20, CAPTCHA_HEIGHT + 20) };
    elements.push(
      `<path d="M${fixed(from.x)} ${fixed(from.y)}C${fixed(c1.x)} ${fixed(c1.y)} ${fixed(c2.x)} ${fixed(c2.y)} ${fixed(to.x)} ${fixed(to.y)}" fill="none" stroke="${pick(INK)}" stroke-width="${fixed(random(1.2, 2.2))}"/>`,
    );
  }
  for (let i = 0; i < 6; i++) {
    const start = { x: random(0, CAPTCHA_WIDTH), y: random(0, CAPTCHA_HEIGHT) };
    const points = [start, { x: start.x + random(-12, 12), y: start.y + random(-12, 12) }];
    elements.push(
      `<path d="${polyline(subdivide(points).map(bend))}" fill="none" stroke="${pick(INK)}" stroke-width="${fixed(random(1, 1.8))}" stroke-linecap="round"/>`,
    );
  }
  for (let i = 0; i < 30; i++) {
    elements.push(
      `<circle cx="${fixed(random(0, CAPTCHA_WIDTH))}" cy="${fixed(random(0, CAPTCHA_HEIGHT))}" r="${fixed(random(0.6, 1.6))}" fill="${pick(INK)}"/>`,
    );
  }
  for (let i = elements.length - 1; i > 0; i--) {
    const j = crypto.randomInt(0, i + 1);
    [elements[i], elements[j]] = [elements[j] as string, elements[i] as string];
  }
  const background = `hsl(${Math.round(random(180, 240))} 30% 95%)`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CAPTCHA_WIDTH}" height="${CAPTCHA_HEIGHT}" viewBox="0 0 ${CAPTCHA_WIDTH} ${CAPTCHA_HEIGHT}"><rect width="100%" height="100%" fill="${background}"/>${elements.join("")}</svg>`;
}
