import { formatFuzzyDate } from '../../domain/fuzzy-date.ts'
import type { StatementRecord } from '../../store/engagement-statement-store.ts'
import type { ProgrammeRecord } from '../../store/programme-store.ts'
import { html, type SafeHtml } from './html.ts'
import type { PortalPage } from './layout.ts'
import type {
  FrameworkPageData,
  Overview,
  PartnerPageData,
  PortalEngagement,
  ProgrammePageData,
  ProgrammeTreeNode,
} from './portal-data.ts'

/*
 * The portal's pages as pure functions from what was read to markup. Every value goes through the
 * escaping `html` template.
 */

function day(value: string): string {
  return formatFuzzyDate({ value: value.slice(0, 10), precision: 'day' })
}

function illustrative(flag: boolean): SafeHtml | string {
  return flag ? html` <span class="tag">Illustrative</span>` : ''
}

function list<T>(
  items: readonly T[],
  empty: string,
  item: (value: T) => SafeHtml,
  className = 'items',
): SafeHtml {
  return items.length === 0
    ? html`<p class="empty">${empty}</p>`
    : html`<ul class="${className}">${items.map((value) => html`<li>${item(value)}</li>`)}</ul>`
}

function when(engagement: PortalEngagement): string {
  const { timing } = engagement
  const start = day(timing.start)
  if (timing.allDay) {
    const last = timing.end.slice(0, 10)
    return last > timing.start.slice(0, 10) ? `${start} – ${day(last)}` : start
  }
  return `${start}, ${timing.start.slice(11, 16)} (${timing.timeZone})`
}

function engagementItem(engagement: PortalEngagement): SafeHtml {
  return html`<article>
<h3>${engagement.title}</h3>
<p class="meta"><span class="kind">${engagement.kind}</span>${when(engagement)} · ${engagement.place}</p>
${engagement.summary === '' ? '' : html`<p>${engagement.summary}</p>`}
${engagement.countries.length === 0 ? '' : html`<p class="meta">Partners taking part: ${engagement.countries.map((code, index) => html`${index === 0 ? '' : ', '}<a href="/public/partners/${code}">${code}</a>`)}</p>`}
</article>`
}

function statementItem(statement: StatementRecord): SafeHtml {
  return html`<article>
<h3>${statement.title}</h3>
<p class="meta"><span class="kind">${statement.kind.replace(/-/g, ' ')}</span>${statement.issuedOn === null ? '' : html`Issued <time datetime="${statement.issuedOn}">${day(statement.issuedOn)}</time>`} · by ${statement.issuers.join(', ')}</p>
${statement.summary === '' ? '' : html`<p>${statement.summary}</p>`}
</article>`
}

function programmeCard(programme: ProgrammeRecord): SafeHtml {
  return html`<h3><a href="/public/programmes/${programme.id}">${programme.title}</a></h3>
<p class="meta"><span class="kind">${programme.kind}</span>${programme.partnerName} · ${formatFuzzyDate(programme.periodFrom)} – ${formatFuzzyDate(programme.periodTo)}${illustrative(programme.illustrative)}</p>`
}

export function overviewPage(data: Overview): PortalPage {
  return {
    title: 'Partnerships',
    current: 'overview',
    body: html`<h1>The Alliance’s partnerships</h1>
<p class="lead">Partners beyond the Alliance, the frameworks they work in, their partnership programmes, summits and meetings, and the statements issued — as released to the public.</p>
<nav class="contents" aria-label="On this page">
<ul>
<li><a href="#partners">Partners</a></li>
<li><a href="#frameworks">Frameworks</a></li>
<li><a href="#programmes">Programmes</a></li>
<li><a href="#engagements">Summits and meetings</a></li>
<li><a href="#statements">Statements</a></li>
</ul>
</nav>
<section aria-labelledby="partners">
<h2 id="partners">Partners</h2>
${list(
  data.partners,
  'No partner has been published yet.',
  (partner) => html`<h3><a href="/public/partners/${partner.code}">${partner.name}</a></h3>
<p class="meta">${partner.frameworks.map((framework) => framework.shortName).join(', ') || 'No framework'}${partner.dialogueSince === null ? '' : ` · dialogue since ${formatFuzzyDate(partner.dialogueSince)}`}</p>`,
  'cards compact',
)}
</section>
<section aria-labelledby="frameworks">
<h2 id="frameworks">Frameworks</h2>
${list(
  data.frameworks,
  'No framework has been published yet.',
  (
    framework,
  ) => html`<h3><a href="/public/frameworks/${framework.id}">${framework.name} (${framework.shortName})</a></h3>
<p class="meta">${framework.started === null ? '' : `Since ${formatFuzzyDate(framework.started)} · `}${framework.memberCount} partner${framework.memberCount === 1 ? '' : 's'}</p>
<p>${framework.description}</p>`,
  'cards',
)}
</section>
<section aria-labelledby="programmes">
<h2 id="programmes">Partnership programmes</h2>
${list(data.programmes, 'No programme has been published yet.', programmeCard, 'cards')}
</section>
<section aria-labelledby="engagements">
<h2 id="engagements">Summits and meetings</h2>
${list(data.engagements, 'No summit or meeting has been published yet.', engagementItem)}
</section>
<section aria-labelledby="statements">
<h2 id="statements">Latest statements</h2>
${list(data.statements, 'No statement has been issued yet.', statementItem)}
<p><a href="/public/statements">All statements</a></p>
</section>`,
  }
}

function span(membership: FrameworkPageData['memberships'][number]): string {
  const from = membership.from === null ? 'date not public' : formatFuzzyDate(membership.from)
  return membership.to === null ? `since ${from}` : `${from} – ${formatFuzzyDate(membership.to)}`
}

export function frameworkPage({ framework, memberships, partnerCodes }: FrameworkPageData): PortalPage {
  const current = memberships.filter((membership) => membership.to === null)
  const past = memberships.filter((membership) => membership.to !== null)
  const member = (membership: FrameworkPageData['memberships'][number]) =>
    html`${partnerCodes.has(membership.code) ? html`<a href="/public/partners/${membership.code}">${membership.name}</a>` : membership.name} <span class="meta">${span(membership)}${membership.status === 'active' ? '' : ` · ${membership.status}`}</span>`
  return {
    title: framework.name,
    body: html`<p class="meta"><a href="/public">Partnerships</a> › ${framework.shortName}</p>
<h1>${framework.name}</h1>
<p class="lead">${framework.description}</p>
<p class="meta">${framework.formal ? 'Formal framework' : 'Informal format'}${framework.started === null ? '' : ` · since ${formatFuzzyDate(framework.started)}`}</p>
<section aria-labelledby="members">
<h2 id="members">Members</h2>
${list(current, 'No current member has been published.', member)}
</section>
${
  past.length === 0
    ? ''
    : html`<section aria-labelledby="past-members">
<h2 id="past-members">Former members</h2>
${list(past, '', member)}
</section>`
}`,
  }
}

export function partnerPage({
  partner,
  timeline,
  programmes,
  engagements,
  statements,
}: PartnerPageData): PortalPage {
  return {
    title: partner.name,
    body: html`<p class="meta"><a href="/public">Partnerships</a> › ${partner.name}</p>
<h1>${partner.name}</h1>
<p class="lead">${partner.summary}</p>
<dl class="facts">
${partner.capital === null ? '' : html`<dt>Capital</dt><dd>${partner.capital}</dd>`}
${partner.dialogueSince === null ? '' : html`<dt>Dialogue since</dt><dd>${formatFuzzyDate(partner.dialogueSince)}</dd>`}
<dt>Frameworks</dt><dd>${partner.frameworks.length === 0 ? 'None' : partner.frameworks.map((framework, index) => html`${index === 0 ? '' : ', '}<a href="/public/frameworks/${framework.id}">${framework.shortName}</a>`)}</dd>
</dl>
<section aria-labelledby="programmes">
<h2 id="programmes">Partnership programmes</h2>
${list(programmes, 'No programme with this partner has been published.', programmeCard, 'cards')}
</section>
<section aria-labelledby="engagements">
<h2 id="engagements">Summits and meetings</h2>
${list(engagements, 'No summit or meeting with this partner has been published.', engagementItem)}
</section>
<section aria-labelledby="statements">
<h2 id="statements">Statements</h2>
${list(statements, 'No statement about this partner has been issued.', statementItem)}
</section>
<section aria-labelledby="timeline">
<h2 id="timeline">Milestones of the relationship</h2>
${list(
  timeline,
  'No milestone has been published.',
  (
    event,
  ) => html`<p><strong>${formatFuzzyDate(event.date)}</strong> — ${event.title}${illustrative(event.illustrative)}</p>
${event.description === '' ? '' : html`<p class="meta">${event.description}</p>`}`,
)}
</section>`,
  }
}

function milestoneList(node: ProgrammeTreeNode): SafeHtml | string {
  if (node.milestones.length === 0) return ''
  return html`<ul class="milestones" aria-label="Milestones of ${node.node.title}">${node.milestones.map(
    (milestone) =>
      html`<li><span class="kind">Milestone</span>${milestone.title} — due <time datetime="${milestone.due}">${day(milestone.due)}</time>, ${milestone.status.replace('-', ' ')}${illustrative(milestone.illustrative)}</li>`,
  )}</ul>`
}

function treeItems(nodes: readonly ProgrammeTreeNode[]): SafeHtml {
  return html`${nodes.map(
    (
      item,
    ) => html`<li><span class="kind">${item.node.kind}</span><strong>${item.node.title}</strong>${illustrative(item.node.illustrative)}
${item.node.description === '' ? '' : html`<p class="meta">${item.node.description}</p>`}
${milestoneList(item)}
${item.children.length === 0 ? '' : html`<ul>${treeItems(item.children)}</ul>`}</li>`,
  )}`
}

export function programmePage({ programme, tree }: ProgrammePageData): PortalPage {
  return {
    title: programme.title,
    body: html`<p class="meta"><a href="/public">Partnerships</a> › <a href="/public/partners/${programme.partnerCode}">${programme.partnerName}</a> › ${programme.title}</p>
<h1>${programme.title}</h1>
<p class="meta"><span class="kind">${programme.kind}</span>${formatFuzzyDate(programme.periodFrom)} – ${formatFuzzyDate(programme.periodTo)}${illustrative(programme.illustrative)}</p>
<section class="highlight" aria-labelledby="public-diplomacy">
<h2 id="public-diplomacy">Public diplomacy</h2>
<p>${programme.publicDiplomacy === '' ? 'No public diplomacy element has been published.' : programme.publicDiplomacy}</p>
</section>
<section aria-labelledby="objectives">
<h2 id="objectives">Objectives and activities</h2>
${tree.length === 0 ? html`<p class="empty">No part of this programme has been released to the public.</p>` : html`<ul class="tree">${treeItems(tree)}</ul>`}
</section>`,
  }
}

export function statementsPage(
  statements: readonly StatementRecord[],
  page: { readonly number: number; readonly last: number },
): PortalPage {
  const link = (number: number, label: string) =>
    html`<a href="/public/statements${number === 1 ? '' : `?page=${number}`}">${label}</a>`
  return {
    title: page.number === 1 ? 'Statements' : `Statements, page ${page.number}`,
    current: 'statements',
    body: html`<h1>Statements</h1>
<p class="lead">Declarations, joint statements and press releases issued with partners, newest first.</p>
${list(statements, 'No statement has been issued yet.', statementItem)}
${
  page.last <= 1
    ? ''
    : html`<nav class="pager" aria-label="Pages of statements">
${page.number > 1 ? link(page.number - 1, 'Newer statements') : ''}
<span>Page ${page.number} of ${page.last}</span>
${page.number < page.last ? link(page.number + 1, 'Older statements') : ''}
</nav>`
}`,
  }
}

export function notFoundPage(): PortalPage {
  return {
    title: 'Not found',
    body: html`<h1>Not found</h1>
<p>There is nothing published at this address.</p>
<p><a href="/public">Go to the overview</a></p>`,
  }
}

export function badRequestPage(detail: string): PortalPage {
  return {
    title: 'Bad request',
    body: html`<h1>Bad request</h1>
<p>${detail}</p>
<p><a href="/public">Go to the overview</a></p>`,
  }
}
