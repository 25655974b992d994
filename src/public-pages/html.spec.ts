import { describe, expect, it } from '@jest/globals';
import { escapeHtml, html } from './html.js';

describe('html: every interpolated value is escaped', () => {
  it('escapes markup, quotes and ampersands in text and attributes', () => {
    const name = `<script>alert("x")</script> & 'Hương'`;
    expect(html`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Hương&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Hương&#39;</p>',
    );
  });

  it('nests fragments built by html without escaping them twice, and joins arrays', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);
    // prettier-ignore
    const list = html`<ul>${items}</ul>`;
    expect(list.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
  });

  it('prints nothing for null, undefined and false, numbers as they are', () => {
    expect(html`${null}${undefined}${false}${2023}`.value).toBe('2023');
  });

  it('a string that looks like a fragment is still text', () => {
    const forged = { value: '<b>x</b>' } as unknown as string;
    expect(html`${forged}`.value).toBe('[object Object]');
    expect(escapeHtml('`')).toBe('&#96;');
  });
});
