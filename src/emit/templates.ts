import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import Handlebars from "handlebars";
import type { DiagramModel } from "../layout/model.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { escapeLabel } from "./escape.js";
import { displayPath, isInside } from "../paths.js";

/** The templates shipped with vstack. */
export const BUILTIN_TEMPLATE_DIR = join(PACKAGE_ROOT, "templates");

export const TEMPLATE_EXT = ".mmd.hbs";

/**
 * A set of templates: `<name>.mmd.hbs` files and `partials/*.hbs`, from the built-in folder
 * with a user's folder laid over it (a user's file replaces the built-in of that name). Each
 * set has its own Handlebars instance, so sets never share helpers or partials.
 */
export class TemplateSet {
  readonly names: string[];
  /** The text of every template and partial, in a fixed order; part of an output's identity. */
  readonly fingerprint: string;
  private readonly sources = new Map<string, string>();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate<DiagramModel>>();
  private readonly hb = Handlebars.create();

  constructor(userDir?: string) {
    this.hb.registerHelper("escape", (text: unknown) => escapeLabel(String(text ?? "")));
    const partials = new Map<string, string>();
    for (const dir of [BUILTIN_TEMPLATE_DIR, ...(userDir ? [userDir] : [])]) {
      const read = (file: string) => readInside(dir, file);
      for (const f of listFiles(dir)) if (f.endsWith(TEMPLATE_EXT)) this.sources.set(f.slice(0, -TEMPLATE_EXT.length), read(join(dir, f)));
      for (const f of listFiles(join(dir, "partials"))) if (f.endsWith(".hbs")) partials.set(f.slice(0, -4), read(join(dir, "partials", f)));
    }
    for (const [name, text] of partials) this.hb.registerPartial(name, text);
    this.names = [...this.sources.keys()].sort();
    this.fingerprint = [...[...this.sources].sort(), ...[...partials].sort()].map(([n, t]) => `${n}\n${t}`).join("\n\0");
  }

  has(name: string): boolean {
    return this.sources.has(name);
  }

  /** Prints a model through the named template; the result always ends in one newline. */
  emit(name: string, model: DiagramModel): string {
    const template = this.compiled.get(name) ?? this.compile(name);
    return `${template(model).replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
  }

  /** Compiled on first use: a build served from the cache never compiles a template. */
  private compile(name: string): Handlebars.TemplateDelegate<DiagramModel> {
    const text = this.sources.get(name);
    if (text === undefined) throw new Error(`no template "${name}" (have: ${this.names.join(", ")})`);
    const template = this.hb.compile<DiagramModel>(text, { noEscape: true });
    this.compiled.set(name, template);
    return template;
  }
}

/** A template is read only if it really lies in the folder named (a symlink may not lead out). */
function readInside(dir: string, file: string): string {
  if (!isInside(realpathSync(file), realpathSync(dir))) throw new Error(`template ${displayPath(file, process.cwd())} leads outside ${displayPath(dir, process.cwd())} (a symlink?); templates must lie in the folder named`);
  return readFileSync(file, "utf8");
}

function listFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}
