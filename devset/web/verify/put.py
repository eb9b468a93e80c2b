#!/usr/bin/env python3
"""usage: put.py qNNN < pasted.json   (pasted.json: list of {"url":..., "excerpt":...} as the tool returned)
Writes verify/wNNN.txt for each kept page of raw/qNNN.json (matched by url), compares with wNNN.txt."""
import csv, json, os, sys
HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
q = sys.argv[1]
raw = json.load(open(os.path.join(HERE, 'raw', q + '.json'), encoding='utf-8'))
rank2url = {r['rank']: r.get('url') for r in raw['results']}
trace = [r for r in csv.DictReader(open(os.path.join(HERE, 'trace.tsv'), encoding='utf-8'), delimiter='\t') if r['raw'] == q + '.json']
url2w = {rank2url[int(r['rank'])]: r['id'] for r in trace}
src = sys.stdin.read()
items = json.loads(src)
open(os.path.join(HERE, 'verify', 'ans', q + '.json'), 'w', encoding='utf-8').write(src)
got = set()
for it in items:
    w = url2w.get(it['url'])
    if not w:
        print('not kept / unknown url:', it['url']); continue
    got.add(w)
    with open(os.path.join(HERE, 'verify', w + '.txt'), 'w', encoding='utf-8', newline='') as fh:
        fh.write(it['excerpt'])
    a = open(os.path.join(HERE, w + '.txt'), 'rb').read()
    b = it['excerpt'].encode('utf-8')
    print(w, 'MATCH' if a == b else f'DIFF (orig {len(a)} B, tool {len(b)} B)')
for u, w in url2w.items():
    if w not in got:
        print(w, 'MISSING', u)
