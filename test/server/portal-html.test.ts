import { describe, expect, it } from 'vitest'
import { escapeHtml, html } from '../../src/server/public/html.ts'

describe('the portal’s html template', () => {
  it('escapes every interpolated text, in text and in attributes', () => {
    const title = `<img src=x onerror="alert('1')"> & co`
    expect(html`<p title="${title}">${title}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co">&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; co</p>',
    )
  })

  it('keeps nested templates as markup, escapes lists item by item and drops empty values', () => {
    const items = ['a<b', html`<em>c</em>`]
    expect(
      html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>${null}${undefined}${false}${0}`.value,
    ).toBe('<ul><li>a&lt;b</li><li><em>c</em></li></ul>0')
  })

  it('never lets a string pass as markup', () => {
    const forged = { value: '<script>' }
    expect(html`${String(forged.value)}`.value).toBe('&lt;script&gt;')
    expect(escapeHtml('"\'&<>')).toBe('&quot;&#39;&amp;&lt;&gt;')
  })
})
