import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { Data } from './Data.tsx';
import { setCurrentLang } from './lang.ts';
import { tNodes, tServer } from './nodes.tsx';

const html = (text: string) =>
  renderToStaticMarkup(<>{tNodes(text, { name: <Data>海口市</Data>, year: 2027 })}</>);

describe('tNodes', () => {
  afterEach(() => setCurrentLang('zh'));

  it('keeps the Chinese as it was, the name marked as data', () => {
    expect(html('{name} {year}年度财政承受能力评估')).toBe(
      '<span translate="no">海口市</span> 2027年度财政承受能力评估',
    );
  });

  it('puts the data into the English sentence', () => {
    setCurrentLang('en');
    expect(html('{name} {year}年度财政承受能力评估')).toBe(
      '<span translate="no">海口市</span>: fiscal capacity assessment for 2027',
    );
  });

  it('marks as data what a server text’s pattern captured and no catalog translates', () => {
    setCurrentLang('en');
    const markup = renderToStaticMarkup(<>{tServer('小区不存在')}</>);
    expect(markup).toBe('Community not found');
    expect(renderToStaticMarkup(<>{tServer('金沙花园不存在')}</>)).toBe(
      '<span translate="no">金沙花园</span> not found',
    );
  });
});
