// subset-font 2.x ships no types, and @types/subset-font lags behind it (no keepFeatures).
declare module "subset-font" {
  interface SubsetFontOptions {
    targetFormat?: "sfnt" | "truetype" | "woff" | "woff2";
    keepFeatures?: string[];
    noHinting?: boolean;
    noLayoutClosure?: boolean;
    preserveNameIds?: number[];
  }
  export default function subsetFont(font: Buffer, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}
