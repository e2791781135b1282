/**
 * The first screen's poster as files: its markup, its style sheet and its place in index.html (the
 * capture itself is in poster.ts). Pure string work, tested on its own.
 */

/** What the capture takes from the page. */
export interface FirstScreenCapture {
  /** #root's content; each style="…" attribute replaced by data-poster-style="i", i into `styles`. */
  readonly markup: string;
  /** The distinct inline styles (their text, as in a style attribute), by index. */
  readonly styles: readonly string[];
  /** The text of the page's constructed style sheets (the runs' colours, see runColors.ts). */
  readonly sheets: string;
  /** The page's height, kept so that a scroll bar shows as it will (the poster stops at the fold). */
  readonly height: number;
}

/** The attribute standing for a captured element's inline style. */
export const POSTER_STYLE_ATTRIBUTE = 'data-poster-style';

/**
 * The poster's style sheet. The page's Content-Security-Policy (style-src 'self') ignores style
 * attributes in markup, so each captured inline style becomes a rule on its index, every declaration
 * !important as an inline style outranks the app's rules. Then the constructed sheets, and the
 * page's height on the poster's top elements.
 */
export function posterStyleSheet(capture: FirstScreenCapture, posterAttribute: string): string {
  const rules = capture.styles.map((style, index) => {
    const declarations = declarationsOf(style).map((declaration) => `${declaration} !important`);
    return `[${POSTER_STYLE_ATTRIBUTE}="${index}"]{${declarations.join(';')}}`;
  });
  rules.push(capture.sheets, `[${posterAttribute}]{min-height:${Math.ceil(capture.height)}px}`);
  return `${rules.filter((rule) => rule !== '').join('\n')}\n`;
}

/**
 * The declarations of a style attribute's text, each trimmed, without the empty ones: split at the
 * semicolons outside parentheses and quotes (`background: var(--a, #fff); --b: "x;y"`). The text
 * rather than the parsed longhands: a shorthand holding var() has no longhand values to read.
 */
export function declarationsOf(style: string): string[] {
  const declarations: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i <= style.length; i++) {
    const char = style[i];
    if (quote !== null) {
      if (char === '\\') i++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if ((char === ';' && depth === 0) || char === undefined) {
      const declaration = style.slice(start, i).trim();
      if (declaration !== '') declarations.push(declaration);
      start = i + 1;
    }
  }
  return declarations;
}

/** Where index.html's parts go, relative to the page. */
export interface PosterFiles {
  readonly templateId: string;
  readonly styleHref: string;
  readonly scriptHref: string;
}

const ROOT = '<div id="root"></div>';

/**
 * index.html with the poster: its style sheet linked at the end of the head (loaded before the
 * poster's script runs: scripts wait for style sheets above them), the markup in a <template> after
 * #root (parsed, never shown by itself) and the script that may show it right after. Throws when
 * the page has no empty #root, which the app renders into.
 */
export function withPoster(indexHtml: string, markup: string, files: PosterFiles): string {
  const at = indexHtml.indexOf(ROOT);
  const headEnd = indexHtml.indexOf('</head>');
  if (at < 0 || indexHtml.indexOf(ROOT, at + 1) >= 0 || headEnd < 0 || headEnd > at) {
    throw new Error(`index.html needs one empty ${ROOT} in its body`);
  }
  const link = `\n    <link rel="stylesheet" href="${files.styleHref}">\n  `;
  const poster =
    `${ROOT}\n    <template id="${files.templateId}">${markup}</template>\n` +
    `    <script src="${files.scriptHref}"></script>`;
  return (
    indexHtml.slice(0, headEnd) +
    link +
    indexHtml.slice(headEnd, at) +
    poster +
    indexHtml.slice(at + ROOT.length)
  );
}
