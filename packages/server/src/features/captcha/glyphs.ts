/**
 * A small stroke font for the captcha: each character is a few polylines ("x,y x,y …") on a
 * 10 × 14 grid, y pointing down. Drawn as paths, never as SVG text, so the answer is not in the
 * markup. The alphabet leaves out look-alikes (0/O/D/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B).
 */
const STROKES: Record<string, string[]> = {
  "3": ["1,1 5,0 8,1 9,3 8,6 4,7", "4,7 8,8 9,11 8,13 5,14 1,13"],
  "4": ["7,14 7,0 0,10 10,10"],
  "7": ["1,0 9,0 4,14"],
  "9": ["9,5 8,7 5,8 2,7 1,4 2,1 5,0 8,1 9,4 9,8 8,12 5,14 2,13"],
  A: ["0,14 5,0 10,14", "2,9 8,9"],
  C: ["9,2 7,0 4,0 1,2 0,6 0,8 1,12 4,14 7,14 9,12"],
  E: ["9,0 1,0 1,14 9,14", "1,7 7,7"],
  F: ["9,0 1,0 1,14", "1,7 7,7"],
  H: ["1,0 1,14", "9,0 9,14", "1,7 9,7"],
  J: ["9,0 9,10 8,13 5,14 2,13 1,10"],
  K: ["1,0 1,14", "9,0 1,8", "4,5 9,14"],
  M: ["0,14 1,0 5,9 9,0 10,14"],
  N: ["1,14 1,0 9,14 9,0"],
  P: ["1,14 1,0 6,0 8,1 9,3 9,5 8,7 6,8 1,8"],
  R: ["1,14 1,0 6,0 8,1 9,3 8,6 6,7 1,7", "5,7 9,14"],
  T: ["0,0 10,0", "5,0 5,14"],
  U: ["1,0 1,10 2,13 5,14 8,13 9,10 9,0"],
  V: ["0,0 5,14 10,0"],
  W: ["0,0 2,14 5,4 8,14 10,0"],
  X: ["1,0 9,14", "9,0 1,14"],
  Y: ["0,0 5,7 10,0", "5,7 5,14"],
};

export type Point = { x: number; y: number };

/** Each character's strokes as lists of points. */
export const GLYPHS: ReadonlyMap<string, Point[][]> = new Map(
  Object.entries(STROKES).map(([char, strokes]) => [
    char,
    strokes.map((stroke) =>
      stroke.split(" ").map((pair) => {
        const [x = 0, y = 0] = pair.split(",").map(Number);
        return { x, y };
      }),
    ),
  ]),
);

/** The characters a captcha is made of. */
export const CAPTCHA_ALPHABET = Object.keys(STROKES).join("");
