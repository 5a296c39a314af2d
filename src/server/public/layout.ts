import { html, type SafeHtml } from './html.ts'

export const portalStylesheet = '/public/portal.css'

export interface PortalPage {
  /** The page's own title; the site name is added after it. */
  readonly title: string
  readonly body: SafeHtml
  /** Which top-level link is the current page, if any. */
  readonly current?: 'overview' | 'statements'
}

function navLink(href: string, label: string, current: boolean): SafeHtml {
  return html`<li><a href="${href}"${current ? html` aria-current="page"` : ''}>${label}</a></li>`
}

/**
 * The whole document around a page: language, viewport, the portal's one stylesheet, a skip link,
 * the site header and footer. No script and no sign-in control: the public site is separate from
 * the staff app.
 */
export function portalDocument(page: PortalPage): string {
  return `<!doctype html>\n${
    html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · Liaison public portal</title>
<meta name="description" content="Partnerships of the Alliance with non-member countries: what has been approved for public release.">
<link rel="stylesheet" href="${portalStylesheet}">
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap">
<p class="brand"><a href="/public">Liaison <span>public portal</span></a></p>
<nav aria-label="Portal">
<ul>
${navLink('/public', 'Overview', page.current === 'overview')}
${navLink('/public/statements', 'Statements', page.current === 'statements')}
</ul>
</nav>
</div>
</header>
<main id="main" class="wrap" tabindex="-1">
${page.body}
</main>
<footer class="site-footer">
<div class="wrap">
<p>Only information marked PUBLIC is published here. Demo data from public sources; illustrative records are labelled.</p>
</div>
</footer>
</body>
</html>
`.value
  }`
}
