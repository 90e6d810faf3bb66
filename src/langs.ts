/** The languages vstack's built-ins are written in; English is the source, the others translations. */
export const LANGS = ["en", "de", "fr", "it", "zh"] as const;
export type Lang = (typeof LANGS)[number];

/** What `--lang` accepts: one language, or every one. */
export const LANG_CHOICES = [...LANGS, "all"] as const;
export type LangChoice = (typeof LANG_CHOICES)[number];

/** Each language named in itself: for the gallery's switch and messages. */
export const LANG_NAMES: Record<Lang, string> = { en: "English", de: "Deutsch", fr: "Français", it: "Italiano", zh: "中文（简体）" };

/** The languages a choice stands for. */
export function langsOf(choice: LangChoice | readonly LangChoice[] | undefined): Lang[] {
  const list = choice === undefined ? ["en"] : Array.isArray(choice) ? choice : [choice];
  return list.includes("all") ? [...LANGS] : LANGS.filter((l) => list.includes(l));
}

/** A site's locale (`de`, `de-CH`, `zh-Hans`, `zh_CN`) as one of vstack's languages, or undefined when it is none of them. */
export function langOfLocale(locale: string): Lang | undefined {
  const primary = locale.toLowerCase().split(/[-_]/)[0];
  return LANGS.find((l) => l === primary);
}

/** The part of an output file's name that says its language: none for English, so English names stay as they were. */
export function langInfix(lang: Lang): string {
  return lang === "en" ? "" : `.${lang}`;
}
