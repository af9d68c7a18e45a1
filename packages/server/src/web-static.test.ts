import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestContext, type TestContext } from "./test/harness";

/*
 * The built web app as the server hands it out: hashed assets precompressed by the build (.br, .gz
 * beside each file) sent in the encoding the browser accepts and kept for a year; index.html, the
 * shell of every page, checked on every visit so a release is seen at once.
 */

const script = `export const greeting = ${JSON.stringify("遴选平台 ".repeat(400))};\n`;
const ASSET = "assets/index-Cx1a2B3c.js";

describe("the web app's static files", () => {
  let ctx: TestContext;
  let webDist: string;

  beforeAll(async () => {
    // A build as `vite build` leaves it: index.html, a hashed script and its compressed copies.
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), "linxuan-web-dist-"));
    fs.mkdirSync(path.join(webDist, "assets"));
    fs.writeFileSync(
      path.join(webDist, "index.html"),
      `<!doctype html><html lang="zh-CN"><head><script type="module" src="/${ASSET}"></script></head><body><div id="root"></div></body></html>`,
    );
    fs.writeFileSync(path.join(webDist, ASSET), script);
    fs.writeFileSync(path.join(webDist, `${ASSET}.br`), zlib.brotliCompressSync(script));
    fs.writeFileSync(path.join(webDist, `${ASSET}.gz`), zlib.gzipSync(script, { level: 9 }));
    ctx = await createTestContext("sqlite", { webDist });
  });
  afterAll(async () => {
    await ctx.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    ctx.app.inject({
      method: "GET",
      url,
      headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
    });

  it("sends a hashed asset as brotli to a browser that accepts it, cached for a year", async () => {
    const response = await get(`/${ASSET}`, "gzip, deflate, br, zstd");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("br");
    expect(response.headers["content-type"]).toMatch(/^(text|application)\/javascript/);
    expect(response.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(String(response.headers.vary)).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(response.rawPayload).toString()).toBe(script);
    expect(response.rawPayload.length).toBeLessThan(Buffer.byteLength(script) / 4);
  });

  it("sends the gzip copy when brotli is not accepted, and the file itself when nothing is", async () => {
    const gzipped = await get(`/${ASSET}`, "gzip");
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(zlib.gunzipSync(gzipped.rawPayload).toString()).toBe(script);

    const plain = await get(`/${ASSET}`, "identity");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(plain.body).toBe(script);
  });

  it("has the browser check index.html on every visit, at / and at any page's address", async () => {
    for (const url of ["/", "/catalog", "/public-notices/0b7c1e9e-3f0a-4a43-9a57-000000000000"]) {
      const response = await get(url, "gzip, deflate, br, zstd");
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"], url).toMatch(/^text\/html/);
      expect(response.headers["cache-control"], url).toBe("no-cache");
      expect(response.body, url).toContain('<div id="root"></div>');
    }
  });
});
