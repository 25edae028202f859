import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guessDelimiter, parseCsv, writeCsv } from '../src/import/index.js';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields holding separators, quotes and line breaks', () => {
    const table = parseCsv('nom,commentaire\r\n"Mairie, salle 2","Dit ""bonjour""\r\nsur deux lignes"\r\n');
    assert.deepEqual(table.header, ['nom', 'commentaire']);
    assert.deepEqual(table.rows, [['Mairie, salle 2', 'Dit "bonjour"\r\nsur deux lignes']]);
    assert.deepEqual(table.problems, []);
  });

  it('removes a byte-order mark and accepts LF, CRLF and CR line ends', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const table = parseCsv(`\ufeffa,b${eol}1,2${eol}3,4`);
      assert.deepEqual(table.header, ['a', 'b'], JSON.stringify(eol));
      assert.deepEqual(table.rows, [['1', '2'], ['3', '4']], JSON.stringify(eol));
    }
  });

  it('guesses ";" and tab separators from the header line, ignoring separators inside quotes', () => {
    assert.equal(guessDelimiter('"a,b";c;d\n1,2;3;4'), ';');
    assert.equal(guessDelimiter('a\tb\tc'), '\t');
    assert.equal(guessDelimiter('a,b;c'), ',');
    assert.deepEqual(parseCsv('id;nom\n1;"Espace; numérique"').rows, [['1', 'Espace; numérique']]);
  });

  it('keeps blank lines as null so that row numbers stay those of a spreadsheet', () => {
    const table = parseCsv('a,b\n1,2\n\n3,4\n');
    assert.deepEqual(table.rows, [['1', '2'], null, ['3', '4']]);
  });

  it('keeps a trailing empty field and empty quoted fields', () => {
    assert.deepEqual(parseCsv('a,b,c\n1,,\n"",x,""').rows, [['1', '', ''], ['', 'x', '']]);
  });

  it('reports text after a closing quote and a quote never closed, at their record', () => {
    const table = parseCsv('a,b\n"1"x,2\n"open,3\n4,5');
    assert.deepEqual(table.rows, [['1x', '2'], ['open,3\n4,5']]);
    assert.deepEqual(table.problems, [
      { row: 1, code: 'csv.quote.stray' },
      { row: 2, code: 'csv.quote.unclosed' },
    ]);
  });

  it('keeps a quote inside an unquoted field as it is', () => {
    assert.deepEqual(parseCsv('a,b\nle "bus",2').rows, [['le "bus"', '2']]);
  });

  it('gives an empty table for an empty text', () => {
    assert.deepEqual(parseCsv(''), { delimiter: ',', header: [], rows: [], problems: [] });
  });
});

describe('writeCsv', () => {
  it('quotes only what needs it, ends lines with CRLF, and reads back the same', () => {
    const records = [
      ['nom', 'note'],
      ['Mairie, salle 2', 'dit "oui"'],
      ['Bus', 'ligne 1\nligne 2'],
      [' espace', ''],
    ];
    const text = writeCsv(records);
    assert.equal(text, 'nom,note\r\n"Mairie, salle 2","dit ""oui"""\r\nBus,"ligne 1\nligne 2"\r\n" espace",\r\n');
    const back = parseCsv(text);
    assert.deepEqual([back.header, ...back.rows], records);
  });

  it('writes with another separator', () => {
    assert.equal(writeCsv([['a', 'b;c']], { delimiter: ';' }), 'a;"b;c"\r\n');
  });
});
