import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type Handlebars from "handlebars";
import type { PrintModel } from "./print-model.js";
import { PACKAGE_ROOT } from "../package-root.js";
import { escapeLabel } from "./escape.js";
import type { Diagnostic } from "../diagnostics.js";
import { VstackError } from "../errors.js";
import { jisonErrorPlace, jisonExpectation } from "../jison-error.js";
import { displayPath, isInside } from "../paths.js";
import { didYouMean } from "../suggest.js";

/** The templates shipped with vstack. */
const loadModule = createRequire(import.meta.url);

export const BUILTIN_TEMPLATE_DIR = join(PACKAGE_ROOT, "templates");

export const TEMPLATE_EXT = ".mmd.hbs";

/** The template a render uses when none is named: a flowchart drawn by vstack's stack layout. */
export const DEFAULT_TEMPLATE = "flowchart";

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
  /** Where each template and partial was read from, for messages. */
  private readonly files = new Map<string, string>();
  private readonly partials = new Map<string, string>();
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate<PrintModel>>();
  private instance: typeof Handlebars | undefined;

  constructor(userDir?: string) {
    const { partials } = this;
    for (const dir of [BUILTIN_TEMPLATE_DIR, ...(userDir ? [userDir] : [])]) {
      const read = (file: string) => readInside(dir, file);
      for (const f of listFiles(dir)) {
        if (!f.endsWith(TEMPLATE_EXT)) continue;
        this.sources.set(f.slice(0, -TEMPLATE_EXT.length), read(join(dir, f)));
        this.files.set(f.slice(0, -TEMPLATE_EXT.length), join(dir, f));
      }
      for (const f of listFiles(join(dir, "partials"))) {
        if (!f.endsWith(".hbs")) continue;
        partials.set(f.slice(0, -4), read(join(dir, "partials", f)));
        this.files.set(`partials/${f.slice(0, -4)}`, join(dir, "partials", f));
      }
    }
    this.names = [...this.sources.keys()].sort();
    this.fingerprint = [...[...this.sources].sort(), ...[...partials].sort()].map(([n, t]) => `${n}\n${t}`).join("\n\0");
  }

  /** This set's own Handlebars, made on first need: a build served from the cache never loads it. */
  private get hb(): typeof Handlebars {
    if (!this.instance) {
      this.instance = (loadModule("handlebars") as typeof Handlebars).create();
      this.instance.registerHelper("escape", (text: unknown) => escapeLabel(String(text ?? "")));
      for (const [name, text] of this.partials) this.instance.registerPartial(name, text);
    }
    return this.instance;
  }

  has(name: string): boolean {
    return this.sources.has(name);
  }

  /**
   * What is wrong with a template before anything is printed with it: it is not there, it does
   * not parse (Handlebars' own parser), or it (or a partial it uses) names a partial that is not
   * there. Each problem at its file:line:col, so a build fails once, up front.
   */
  problems(name: string, cwd = process.cwd()): Diagnostic[] {
    if (!this.sources.has(name)) {
      return [{ code: "unknown-template", file: "--template", message: `no template "${name}"${didYouMean(name, this.names)} (templates: ${this.names.join(", ")})` }];
    }
    const out: Diagnostic[] = [];
    const seen = new Set<string>();
    const visit = (key: string, text: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      const file = displayPath(this.files.get(key) ?? key, cwd);
      let ast: hbs.AST.Program;
      try {
        ast = this.hb.parse(text);
      } catch (err) {
        const message = (err as Error).message;
        const lines = text.split(/\r?\n/);
        const place = jisonErrorPlace(message, (n) => lines[n - 1]) ?? handlebarsPlace(err);
        out.push({ code: "template-syntax", file, ...place, source: text, message: `the template does not parse: ${jisonExpectation(message).replace(/ - \d+:\d+$/, "")}` });
        return;
      }
      for (const partial of partialsUsed(ast)) {
        const body = this.partials.get(partial.name);
        if (body === undefined) out.push({ code: "template-partial", file, line: partial.line, col: partial.col, source: text, message: `no partial "${partial.name}"${didYouMean(partial.name, [...this.partials.keys()])}; partials are files in partials/ (<name>.hbs)` });
        else visit(`partials/${partial.name}`, body);
      }
    };
    visit(name, this.sources.get(name)!);
    return out;
  }

  /** Prints a model through the named template; the result always ends in one newline. */
  emit(name: string, model: PrintModel): string {
    const template = this.compiled.get(name) ?? this.compile(name);
    return `${template(model).replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
  }

  /** Compiled on first use: a build served from the cache never compiles a template. */
  private compile(name: string): Handlebars.TemplateDelegate<PrintModel> {
    const problems = this.problems(name);
    if (problems.length > 0) throw new TemplateError(problems);
    const text = this.sources.get(name)!;
    const template = this.hb.compile<PrintModel>(text, { noEscape: true });
    this.compiled.set(name, template);
    return template;
  }
}

/** A template set that cannot print: each problem at its place in the template files. */
export class TemplateError extends VstackError {
  constructor(diagnostics: Diagnostic[]) {
    super("template-invalid", `the template has ${diagnostics.length === 1 ? "a problem" : `${diagnostics.length} problems`}; fix it, or choose another with --template`, diagnostics);
  }
}

/** A template is read only if it really lies in the folder named (a symlink may not lead out). */
function readInside(dir: string, file: string): string {
  if (!isInside(realpathSync(file), realpathSync(dir))) throw new VstackError("template-outside", `template ${displayPath(file, process.cwd())} leads outside ${displayPath(dir, process.cwd())} (a symlink?); templates must lie in the folder named`);
  return readFileSync(file, "utf8");
}

function listFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** Handlebars' own errors (a block closed by the wrong name) carry their place as properties. */
function handlebarsPlace(err: unknown): { line?: number; col?: number } {
  const { lineNumber, column } = err as { lineNumber?: number; column?: number };
  return lineNumber === undefined ? {} : { line: lineNumber, col: (column ?? 0) + 1 };
}

/** Every partial a template names (`{{> name}}`, `{{#> name}}`), with where it does. */
function partialsUsed(ast: hbs.AST.Program): Array<{ name: string; line: number; col: number }> {
  const found: Array<{ name: string; line: number; col: number }> = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const n = node as { type?: string; name?: { original?: unknown; type?: string }; loc?: { start: { line: number; column: number } } };
    if ((n.type === "PartialStatement" || n.type === "PartialBlockStatement") && n.name?.type !== "SubExpression" && typeof n.name?.original === "string" && n.loc) {
      found.push({ name: n.name.original, line: n.loc.start.line, col: n.loc.start.column + 1 });
    }
    for (const value of Object.values(node)) if (value && typeof value === "object" && value !== n.loc) walk(value);
  };
  walk(ast);
  return found;
}
