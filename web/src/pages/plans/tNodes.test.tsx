import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { Data } from '../../i18n/index.ts';
import { setCurrentLang } from '../../i18n/lang.ts';
import { tNodes } from './tNodes.tsx';

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
});
