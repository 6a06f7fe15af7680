// Compiles an article's Markdown body to HTML that is safe to insert as is: raw HTML is escaped, only
// http(s)/mailto/tel links survive, images are dropped. Runs at build time (and later in the editor).
import MarkdownIt from 'markdown-it';

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

function createRenderer(): MarkdownIt {
  // html: false turns <script>, <img onerror> and every other tag into visible text.
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  // Anything but an absolute web, mail or phone link (javascript:, data:, relative paths) stays plain text.
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  // Remote images would leak the call to a third party and break offline; articles carry none.
  md.disable('image');
  const renderDefault = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    // A link opens beside the workspace, so following it mid-call never navigates the operator away.
    tokens[idx]?.attrSet('target', '_blank');
    tokens[idx]?.attrSet('rel', 'noopener noreferrer');
    return renderDefault
      ? renderDefault(tokens, idx, options, env, self)
      : self.renderToken(tokens, idx, options);
  };
  return md;
}

let renderer: MarkdownIt | undefined;

export function renderArticleBody(markdown: string): string {
  renderer ??= createRenderer();
  return renderer.render(markdown);
}
