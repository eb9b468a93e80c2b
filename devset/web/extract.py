#!/usr/bin/env python3
"""Build devset/web/wNNN.txt, manifest.tsv and trace.tsv from the raw search answers in raw/.

raw/qNNN.json: one search answer per query (corpus 'pages'). Results that were kept carry
their `excerpt` exactly as returned; results not kept are listed by rank and url only.
meta.tsv: hand labels (year, layout, shape, level, province, agency) keyed by url.
Kept pages are numbered in query order, then rank order. A result is skipped if its url
is in /work/shared/pages (labels/*.expect.json) or was already kept, or its text equals a kept text.
"""
import glob, json, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = '/work/shared/pages/labels'

def main():
    existing = set()
    for f in glob.glob(os.path.join(SHARED, '*.expect.json')):
        existing.add(json.load(open(f, encoding='utf-8'))['url'])
    meta = {}
    with open(os.path.join(HERE, 'meta.tsv'), encoding='utf-8') as fh:
        head = fh.readline().rstrip('\n').split('\t')
        for line in fh:
            if not line.strip():
                continue
            row = dict(zip(head, line.rstrip('\n').split('\t')))
            meta[row['url']] = row
    for f in glob.glob(os.path.join(HERE, 'w[0-9][0-9][0-9].txt')):
        os.remove(f)
    rows, seen_url, seen_text, problems = [], set(), {}, []
    for qf in sorted(glob.glob(os.path.join(HERE, 'raw', 'q*.json'))):
        ans = json.load(open(qf, encoding='utf-8'))
        for r in sorted(ans['results'], key=lambda r: r['rank']):
            if 'excerpt' not in r:
                continue
            url, text = r['url'], r['excerpt']
            if url in existing:
                problems.append(f'{os.path.basename(qf)} rank {r["rank"]}: url in shared/pages: {url}')
                continue
            if url in seen_url:
                problems.append(f'{os.path.basename(qf)} rank {r["rank"]}: url already kept: {url}')
                continue
            if text in seen_text:
                problems.append(f'{os.path.basename(qf)} rank {r["rank"]}: same text as {seen_text[text]}')
                continue
            if url not in meta:
                problems.append(f'{os.path.basename(qf)} rank {r["rank"]}: no meta row for {url}')
                continue
            wid = 'w%03d' % (len(rows) + 1)
            seen_url.add(url)
            seen_text[text] = wid
            with open(os.path.join(HERE, wid + '.txt'), 'w', encoding='utf-8', newline='') as out:
                out.write(text)
            m = meta[url]
            rows.append([wid, url, m['year'], m['layout'], m['shape'], m['level'], m['province'],
                         m['agency'], str(len(text.encode('utf-8'))), str(len(text)), ans['query'],
                         os.path.basename(qf), str(r['rank'])])
    with open(os.path.join(HERE, 'manifest.tsv'), 'w', encoding='utf-8', newline='') as out:
        out.write('\t'.join(['id', 'url', 'year', 'layout', 'shape', 'level', 'province', 'agency',
                             'bytes', 'chars', 'query']) + '\n')
        for row in rows:
            out.write('\t'.join(row[:11]) + '\n')
    # trace.tsv: which raw answer (file, rank) each text was taken from
    with open(os.path.join(HERE, 'trace.tsv'), 'w', encoding='utf-8', newline='') as out:
        out.write('id\traw\trank\n')
        for row in rows:
            out.write('\t'.join([row[0], row[11], row[12]]) + '\n')
    unused = set(meta) - seen_url
    for u in sorted(unused):
        problems.append(f'meta row not used: {u}')
    print(f'{len(rows)} pages written')
    for p in problems:
        print('NOTE', p, file=sys.stderr)

if __name__ == '__main__':
    main()
