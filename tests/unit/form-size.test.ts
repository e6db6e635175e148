// Story: a form of ours is a few kilobytes; a post far bigger than any is refused before it is
// read (413, with a page that says so), whoever sends it. Only the cohort upload, from a browser
// with a session, may carry its file.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { MAX_FORM_BYTES, MAX_UPLOAD_BYTES, oversizedPost } from "@/proxy";

function post(path: string, length: number | null, cookie?: string) {
  const headers = new Headers({ "content-type": "multipart/form-data; boundary=x" });
  if (length !== null) headers.set("content-length", String(length));
  if (cookie) headers.set("cookie", cookie);
  return new NextRequest(new URL(path, "http://localhost"), { method: "POST", headers });
}

describe("the size of a form post", () => {
  it("lets every form of ours through, and refuses anything far larger with a page that says so", async () => {
    expect(oversizedPost(post("/login", 2_000))).toBeNull();
    expect(oversizedPost(post("/sspr/challenge", MAX_FORM_BYTES))).toBeNull();
    const refused = oversizedPost(post("/login", MAX_FORM_BYTES + 1))!;
    expect(refused.status).toBe(413);
    expect(await refused.text()).toContain("That was too much text");
    expect(oversizedPost(post("/sspr/search", 4 * 1024 * 1024))?.status).toBe(413);
  });

  it("refuses a post that does not say its size", () => {
    expect(oversizedPost(post("/login", null))?.status).toBe(411);
  });

  it("lets only a signed-in browser's cohort upload carry a file of up to 3 MB", () => {
    const session = "__Secure-authjs.session-token=abc";
    expect(oversizedPost(post("/admin/import", 2 * 1024 * 1024, session))).toBeNull();
    expect(oversizedPost(post("/admin/import", MAX_UPLOAD_BYTES + 1, session))?.status).toBe(413);
    expect(oversizedPost(post("/admin/import", 2 * 1024 * 1024))?.status).toBe(413);
    // The upload's allowance is the upload page's only: a sign-in post is a sign-in post.
    expect(oversizedPost(post("/login", 2 * 1024 * 1024, session))?.status).toBe(413);
  });
});
