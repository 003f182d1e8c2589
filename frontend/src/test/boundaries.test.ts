import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// STYLE.md rule 13: features never import each other; shared pieces live in components/, lib/, config/.
const SRC = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)].map((match) => match[1] ?? "");
}

describe("import boundaries", () => {
  const files = sourceFiles(SRC);

  it("finds the source tree", () => {
    expect(files.some((file) => file.includes(`${path.sep}features${path.sep}`))).toBe(true);
  });

  it("keeps every feature to itself", () => {
    const crossings: string[] = [];
    for (const file of files) {
      const match = /features[\\/]([^\\/]+)[\\/]/.exec(path.relative(SRC, file));
      if (!match) continue;
      for (const target of imports(file).filter((spec) => spec.startsWith("."))) {
        const resolved = path.relative(SRC, path.resolve(path.dirname(file), target));
        const into = /^features[\\/]([^\\/]+)/.exec(resolved);
        if (into && into[1] !== match[1]) crossings.push(`${path.relative(SRC, file)} → ${target}`);
        if (/^app([\\/]|$)/.test(resolved)) crossings.push(`${path.relative(SRC, file)} → ${target} (app)`);
      }
    }
    expect(crossings).toEqual([]);
  });

  it("keeps shared code free of features and of the app", () => {
    const crossings: string[] = [];
    for (const file of files) {
      if (!/^(components|lib|config)[\\/]/.test(path.relative(SRC, file))) continue;
      for (const target of imports(file).filter((spec) => spec.startsWith("."))) {
        const resolved = path.relative(SRC, path.resolve(path.dirname(file), target));
        if (/^(features|app)([\\/]|$)/.test(resolved)) crossings.push(`${path.relative(SRC, file)} → ${target}`);
      }
    }
    expect(crossings).toEqual([]);
  });
});
