/**
 * The README and every page in docs/ link only inside the repository, to files that exist, and
 * to anchors those files define (a heading's GitHub slug or an explicit <a id>). The README stays
 * a user guide: under 200 lines.
 */
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..");
const pages = [
  "README.md",
  ...fs
    .readdirSync(path.join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, (c) => (c === "_" ? "_" : ""))
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchorsOf(file: string): Set<string> {
  const text = fs.readFileSync(file, "utf8").replace(/```[\s\S]*?```/g, "");
  const headings = [...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1]));
  const ids = [...text.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]);
  return new Set([...headings, ...ids]);
}

/** Every markdown link target [text](target) outside code. */
function links(file: string): string[] {
  const text = fs
    .readFileSync(file, "utf8")
    .replace(/```[\s\S]*?```/g, "")
    .replace(/`[^`\n]*`/g, "");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
}

describe.each(pages)("%s", (page) => {
  test("links only to files in the repository that exist, and to anchors they define", () => {
    const broken: string[] = [];
    for (const target of links(path.join(root, page))) {
      if (/^[a-z]+:/i.test(target)) {
        broken.push(`${target} (outside the repository)`);
        continue;
      }
      const [file, anchor] = target.split("#");
      const resolved = file ? path.resolve(path.dirname(path.join(root, page)), file) : path.join(root, page);
      if (!resolved.startsWith(root + path.sep)) broken.push(`${target} (outside the repository)`);
      else if (!fs.existsSync(resolved)) broken.push(`${target} (no such file)`);
      else if (anchor && resolved.endsWith(".md") && !anchorsOf(resolved).has(anchor)) broken.push(`${target} (no such anchor)`);
    }
    expect(broken).toEqual([]);
  });
});

test("the README is a user guide of under 200 lines", () => {
  expect(fs.readFileSync(path.join(root, "README.md"), "utf8").split("\n").length).toBeLessThan(200);
});
