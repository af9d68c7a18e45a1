/** The part of fontkit (pdfkit's font engine, untyped) that fonts.ts uses. */
declare module "fontkit" {
  /** A parsed font; pdfkit's `registerFont` accepts it in place of a path or bytes. */
  export type Font = { layout: (text: string) => unknown; postscriptName: string };
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
